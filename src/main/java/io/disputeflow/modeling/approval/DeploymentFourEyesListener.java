package io.disputeflow.modeling.approval;

import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_APPROVED;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECIDED_BY;
import static io.disputeflow.process.ComplaintVariables.DEPLOYMENT_DECISION_REASON;
import static io.disputeflow.process.ComplaintVariables.SUBMITTED_BY;

import io.disputeflow.process.TaskActor;
import io.disputeflow.web.TaskActionRefusedException;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * On user_approve_model_deployment (assignment and complete): whoever submitted the deployment may
 * neither take nor decide it; a refusal needs a reason. Records who decided.
 */
@Component
class DeploymentFourEyesListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String actor = TaskActor.of(task);
    if (actor != null && Objects.equals(actor, SUBMITTED_BY.get(task))) {
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
