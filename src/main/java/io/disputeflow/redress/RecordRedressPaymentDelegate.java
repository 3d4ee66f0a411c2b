package io.disputeflow.redress;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.RedressPaymentProcess.FURTHER_REDRESS_ID;
import static io.disputeflow.process.RedressPaymentProcess.PAYMENT_ACCOUNT;
import static io.disputeflow.process.RedressPaymentProcess.PAYMENT_FAILURE_REASON;
import static io.disputeflow.process.RedressPaymentProcess.PAYMENT_OUTCOME;
import static io.disputeflow.process.RedressPaymentProcess.PAYMENT_REFERENCE;

import io.disputeflow.complaint.Redress;
import io.disputeflow.complaint.RedressRepository;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.TaskActionRefusedException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_record_redress_paid / service_record_failed_payment: the accounts department's entry in "Pay
 * redress", recorded in the same transaction as the task's completion (so in the name of who completed
 * it): PAID with the payment reference, or FAILED with the reason.
 */
@Component
class RecordRedressPaymentDelegate implements JavaDelegate {

  private final RedressRepository redress;
  private final Clock clock;

  RecordRedressPaymentDelegate(RedressRepository redress, Clock clock) {
    this.redress = redress;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    String account = PAYMENT_ACCOUNT.get(execution);
    if (Redress.PAID.equals(PAYMENT_OUTCOME.get(execution))) {
      String user = EngineUser.id(execution.getProcessEngineServices().getIdentityService());
      redress.paid(number, FURTHER_REDRESS_ID.get(execution), account, required(PAYMENT_REFERENCE.get(execution), "paymentReference"),
          user, OffsetDateTime.now(clock));
    } else {
      redress.failed(number, FURTHER_REDRESS_ID.get(execution), account, required(PAYMENT_FAILURE_REASON.get(execution), "paymentFailureReason"));
    }
  }

  /** A completion without what the form asks (e.g. through /engine-rest) is refused, naming the field. */
  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new TaskActionRefusedException("The form's values were not accepted: " + field
          + " is required when the payment is " + (field.equals("paymentReference") ? "PAID" : "FAILED"),
          HttpStatus.BAD_REQUEST);
    }
    return value.strip();
  }
}
