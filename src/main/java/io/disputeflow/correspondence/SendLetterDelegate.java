package io.disputeflow.correspondence;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.INQUIRY_ANSWER;
import static io.disputeflow.process.ComplaintVariables.SURVEY_WITHIN;

import io.disputeflow.process.TaskInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues the letter named by the task's input parameter {@code letterType} (acknowledgement,
 * inquiry answer, survey invitation, the UK eight-week letter): one delegate for every "send letter" task.
 */
@Component
class SendLetterDelegate implements JavaDelegate {

  @TaskInput(value = LetterType.class, handles = {"ACKNOWLEDGEMENT", "INQUIRY_ANSWER", "SURVEY_INVITATION",
      "EIGHT_WEEK_LETTER"})
  static final String LETTER_TYPE = "letterType";

  private final LetterService letters;
  private final Clock clock;
  /** When the eight-week letter says the final response is expected: this long after the letter. */
  private final Period finalResponseExpectedWithin;

  SendLetterDelegate(LetterService letters, Clock clock,
      @Value("${disputeflow.letters.final-response-expected-within:P28D}") Period finalResponseExpectedWithin) {
    this.letters = letters;
    this.clock = clock;
    this.finalResponseExpectedWithin = finalResponseExpectedWithin;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object type = execution.getVariableLocal(LETTER_TYPE);
    if (type == null) {
      throw new IllegalStateException("Task " + execution.getCurrentActivityId() + " names no letterType");
    }
    String number = COMPLAINT_NUMBER.get(execution);
    switch (LetterType.valueOf(type.toString())) {
      case ACKNOWLEDGEMENT -> letters.queueAcknowledgement(number);
      case INQUIRY_ANSWER -> letters.queueInquiryAnswer(number, INQUIRY_ANSWER.get(execution));
      // the survey window's timer starts right after this task, in the same transaction
      case SURVEY_INVITATION -> letters.queueSurveyInvitation(number, SURVEY_WITHIN.get(execution));
      case EIGHT_WEEK_LETTER -> letters.queueEightWeekLetter(number,
          OffsetDateTime.now(clock).plus(finalResponseExpectedWithin));
      default -> throw new IllegalStateException("Task " + execution.getCurrentActivityId() + ": letterType " + type
          + " is queued by its own step, which knows what the letter must say");
    }
  }
}
