package io.disputeflow.correspondence;

import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_ACTION;
import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_ID;
import static io.disputeflow.process.UndeliveredLetterProcess.NEW_EMAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * service_carry_out_letter_action: what the coordinator chose for a letter that could not be
 * delivered, through {@link LetterDeliveryActions} (the same as {@code POST …/letters/{id}/retry}, a new
 * address, or print). A letter someone already dealt with (e.g. retried by API) is left as it is.
 */
@Component
class ResolveUndeliveredLetterDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ResolveUndeliveredLetterDelegate.class);

  private final LetterService letters;
  private final LetterDeliveryActions deliveryActions;

  ResolveUndeliveredLetterDelegate(LetterService letters, LetterDeliveryActions deliveryActions) {
    this.letters = letters;
    this.deliveryActions = deliveryActions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String complaintNumber = execution.getProcessBusinessKey();
    long letterId = LETTER_ID.get(execution);
    String action = LETTER_ACTION.get(execution);
    Letter letter = letters.copyOf(complaintNumber, letterId).letter();
    if (letter.status() != LetterStatus.FAILED) {
      LOG.info("Letter {} of {} is {} already; {} not applied", letterId, complaintNumber, letter.status(), action);
      return;
    }
    switch (action) {
      case "RETRY" -> deliveryActions.retry(complaintNumber, letterId);
      case "NEW_ADDRESS" -> deliveryActions.retryAt(complaintNumber, letterId, NEW_EMAIL.get(execution));
      case "PRINT" -> deliveryActions.print(complaintNumber, letterId);
      default -> throw new IllegalArgumentException("Not an action for an undelivered letter: " + action);
    }
  }
}
