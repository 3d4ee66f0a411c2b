package io.disputeflow.resolution;

import io.disputeflow.refusal.FourEyesViolationException;
import static io.disputeflow.process.ComplaintVariables.APPROVAL_COMMENT;
import static io.disputeflow.process.ComplaintVariables.COMPENSATION_APPROVED;
import static io.disputeflow.process.ComplaintVariables.PROPOSED_BY;

import io.disputeflow.process.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing user_propose_resolution: remember the proposer, whom four eyes exclude from
 * approving, and forget the previous round's approval so a new proposal is judged afresh.
 */
@Component
class RecordProposerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String proposer = TaskActor.of(task);
    if (proposer == null) {
      throw new FourEyesViolationException("A resolution must be proposed by a named user: claim the task first");
    }
    PROPOSED_BY.set(task.getExecution(), proposer);
    task.getExecution().removeVariable(COMPENSATION_APPROVED.name());
    task.getExecution().removeVariable(APPROVAL_COMMENT.name());
  }
}
