package io.disputeflow.redress;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ExternalReferralProcess.EXTERNAL_REFERRAL_ID;
import static io.disputeflow.process.ExternalReferralProcess.FURTHER_REDRESS_AMOUNT;
import static io.disputeflow.process.RedressPaymentProcess.FURTHER_REDRESS_ID;
import static io.disputeflow.process.RedressPaymentProcess.REDRESS_AMOUNT;
import static io.disputeflow.process.RedressPaymentProcess.REDRESS_CURRENCY;
import static io.disputeflow.process.RedressPaymentProcess.REDRESS_DUE_AT;
import static io.disputeflow.process.RedressPaymentProcess.REDRESS_OWED;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.RedressRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * service_work_out_redress: the final decision (after any re-verification, as the complaint record holds
 * it) grants compensation: it is owed, due {@code disputeflow.redress.pay-within} from now (default P7D).
 * None granted: nothing to pay. Called by an outside referral (external-referral), it pays the further
 * redress the body's outcome awarded instead; a reopened case's new decision, once the case already has a
 * redress, is a further redress too (each kept in its own row).
 */
@Component
class WorkOutRedressDelegate implements JavaDelegate {

  private static final String DEFAULT_CURRENCY = "CNY";

  private final ComplaintRepository complaints;
  private final RedressRepository redress;
  private final Clock clock;
  private final Duration payWithin;

  WorkOutRedressDelegate(ComplaintRepository complaints, RedressRepository redress, Clock clock,
      @Value("${disputeflow.redress.pay-within:P7D}") Duration payWithin) {
    if (payWithin.isNegative() || payWithin.isZero()) {
      throw new IllegalArgumentException("disputeflow.redress.pay-within must be a positive duration, e.g. P7D");
    }
    this.complaints = complaints;
    this.redress = redress;
    this.clock = clock;
    this.payWithin = payWithin;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution);
    ComplaintRecord complaint = complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    Long referral = EXTERNAL_REFERRAL_ID.get(execution);
    BigDecimal amount = referral != null ? FURTHER_REDRESS_AMOUNT.get(execution) : complaint.compensationAmount();
    boolean owed = amount != null && amount.signum() > 0;
    REDRESS_OWED.set(execution, owed);
    if (!owed) {
      return;
    }
    String currency = complaint.disputedCurrency() == null ? DEFAULT_CURRENCY : complaint.disputedCurrency();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime dueAt = now.plus(payWithin);
    if (referral != null || redress.find(number).isPresent()) {
      FURTHER_REDRESS_ID.set(execution, redress.oweFurther(number, referral, amount, currency, dueAt, now));
    } else {
      redress.owe(number, amount, currency, dueAt, now);
    }
    REDRESS_AMOUNT.set(execution, amount);
    REDRESS_CURRENCY.set(execution, currency);
    REDRESS_DUE_AT.set(execution, Date.from(dueAt.toInstant()));
  }
}
