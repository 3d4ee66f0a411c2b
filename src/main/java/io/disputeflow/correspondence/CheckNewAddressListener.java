package io.disputeflow.correspondence;

import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_ACTION;
import static io.disputeflow.process.UndeliveredLetterProcess.NEW_EMAIL;

import io.disputeflow.refusal.TaskActionRefusedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * On completing user_resolve_undelivered_letter with NEW_ADDRESS: the new address must be one, or
 * the task stays open with a clear error (the form asks for it only with that action).
 */
@Component
class CheckNewAddressListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("NEW_ADDRESS".equals(LETTER_ACTION.get(task))) {
      try {
        task.setVariable(NEW_EMAIL.name(), LetterDeliveryActions.validEmail(NEW_EMAIL.get(task)));
      } catch (IllegalArgumentException e) {
        throw new TaskActionRefusedException("newEmail: " + e.getMessage(), HttpStatus.BAD_REQUEST);
      }
    }
  }
}
