package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_APPROVED;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_DECIDED_BY;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REQUESTED_BY;

import io.disputeflow.process.TaskActor;
import io.disputeflow.refusal.FourEyesViolationException;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On user_approve_extension (assignment and complete): whoever requested an extension may neither
 * take nor complete its approval. The engine refuses, whatever client is used. On completion it
 * refuses the approval of a payment-services holding reply after its deadline ({@link HoldingReplyDeadline})
 * and remembers the approver in the request's scope: the step that extends runs after it as a job.
 */
@Component
class ExtensionFourEyesListener implements TaskListener {

  private final HoldingReplyDeadline holdingReply;

  ExtensionFourEyesListener(HoldingReplyDeadline holdingReply) {
    this.holdingReply = holdingReply;
  }

  @Override
  public void notify(DelegateTask task) {
    String requester = EXTENSION_REQUESTED_BY.get(task);
    String actor = TaskActor.of(task);
    if (requester != null && Objects.equals(actor, requester)) {
      throw new FourEyesViolationException("Four eyes: " + requester
          + " requested this extension and cannot approve it; another approver must");
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      if (Boolean.TRUE.equals(EXTENSION_APPROVED.get(task))) {
        holdingReply.refuseIfPassed(COMPLAINT_NUMBER.get(task), "extensionApproved");
      }
      EXTENSION_DECIDED_BY.setLocal(task.getExecution(), actor);
    }
  }
}
