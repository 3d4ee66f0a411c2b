package io.disputeflow.correspondence;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues the letter named by the task's input parameter {@code letterType} (acknowledgement,
 * inquiry answer, survey invitation…): one delegate for every "send letter" task.
 */
@Component
class SendLetterDelegate implements JavaDelegate {

  static final String LETTER_TYPE = "letterType";

  private final LetterService letters;

  SendLetterDelegate(LetterService letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object type = execution.getVariableLocal(LETTER_TYPE);
    if (type == null) {
      throw new IllegalStateException("Task " + execution.getCurrentActivityId() + " names no letterType");
    }
    letters.queue(COMPLAINT_NUMBER.get(execution), LetterType.valueOf(type.toString()));
  }
}
