package io.disputeflow.resolution;

import io.disputeflow.refusal.FourEyesViolationException;
import static io.disputeflow.process.ComplaintVariables.APPROVAL_COMMENT;
import static io.disputeflow.process.ComplaintVariables.COMPENSATION_APPROVED;
import static io.disputeflow.process.ComplaintVariables.PROPOSED_BY;

import io.disputeflow.process.TaskActor;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On user_approve_compensation (assignment and complete): the proposer of a compensation may
 * neither take nor complete its approval, and a send-back must say why. The engine refuses,
 * whatever client is used.
 */
@Component
class FourEyesListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String proposer = PROPOSED_BY.get(task);
    String actor = TaskActor.of(task);
    if (actor != null && Objects.equals(actor, proposer)) {
      throw new FourEyesViolationException(
          "Four eyes: " + actor + " proposed this resolution and cannot approve it; another approver must");
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())
        && Boolean.FALSE.equals(COMPENSATION_APPROVED.get(task))
        && isBlank(APPROVAL_COMMENT.get(task))) {
      throw new FourEyesViolationException("A sent-back proposal needs a comment telling the proposer why");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
