package io.disputeflow.modeling.approval;

import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_APPROVED;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECIDED_BY;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECISION_REASON;

import io.disputeflow.process.TaskActor;
import io.disputeflow.refusal.TaskActionRefusedException;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * On user_approve_model_deployment (assignment and complete): whoever submitted the deployment may
 * neither take nor decide it; a refusal needs a reason. Records who decided. The submitter is read
 * from our record of the submission (the process's business key), not from a process variable: a
 * completion may set variables, and the submitter could otherwise name someone else.
 */
@Component
class DeploymentFourEyesListener implements TaskListener {

  private final Function<String, String> submitterOf;

  @Autowired
  DeploymentFourEyesListener(PendingDeployments pending) {
    this(id -> pending.find(id).map(PendingDeployments.PendingDeployment::submittedBy).orElse(null));
  }

  DeploymentFourEyesListener(Function<String, String> submitterOf) {
    this.submitterOf = submitterOf;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = TaskActor.of(task);
    String submitter = submitterOf.apply(task.getExecution().getProcessBusinessKey());
    if (submitter == null) {
      throw new TaskActionRefusedException("This approval names no submitted deployment", HttpStatus.CONFLICT);
    }
    if (actor != null && Objects.equals(actor, submitter)) {
      throw new TaskActionRefusedException("Four eyes: " + actor + " submitted this deployment and cannot approve"
          + " or refuse it; another process owner or the head of consumer protection must", HttpStatus.FORBIDDEN);
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Boolean approved = DEPLOYMENT_APPROVED.get(task);
      if (approved == null) {
        throw new TaskActionRefusedException("Approve or refuse the deployment (deploymentApproved)",
            HttpStatus.BAD_REQUEST);
      }
      String reason = DEPLOYMENT_DECISION_REASON.get(task);
      if (!approved && (reason == null || reason.isBlank())) {
        throw new TaskActionRefusedException("A refused deployment needs a reason telling the process owner why",
            HttpStatus.BAD_REQUEST);
      }
      DEPLOYMENT_DECIDED_BY.set(task, actor);
    }
  }
}
