package io.disputeflow.referral;

import static io.disputeflow.process.ComplaintVariables.DISPUTED_CURRENCY;
import static io.disputeflow.process.ExternalReferralProcess.EXTERNAL_REFERRAL_ID;
import static io.disputeflow.process.ExternalReferralProcess.FURTHER_REDRESS_AMOUNT;
import static io.disputeflow.process.ExternalReferralProcess.FURTHER_REDRESS_OWED;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_OUTCOME;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_OUTCOME_NOTES;

import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.complaint.ExternalReferralRepository;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.TaskActionRefusedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_record_referral_outcome: the outside body's outcome as the coordinator recorded it, with any further
 * redress it awards (paid next through redress-payment). A completion the form would not allow (e.g. through
 * /engine-rest) is refused, naming the field, and the task stays open.
 */
@Component
class RecordReferralOutcomeDelegate implements JavaDelegate {

  private static final String DEFAULT_CURRENCY = "CNY";

  private final ExternalReferralRepository referrals;
  private final Clock clock;

  RecordReferralOutcomeDelegate(ExternalReferralRepository referrals, Clock clock) {
    this.referrals = referrals;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = REFERRAL_OUTCOME.get(execution);
    if (outcome == null || Arrays.stream(ExternalReferral.Outcome.values()).noneMatch(o -> o.name().equals(outcome))) {
      throw refused("referralOutcome must be one of " + Arrays.toString(ExternalReferral.Outcome.values()));
    }
    BigDecimal redress = FURTHER_REDRESS_AMOUNT.get(execution);
    if (redress != null && redress.signum() < 0) {
      throw refused("furtherRedressAmount must not be negative");
    }
    boolean owed = redress != null && redress.signum() > 0;
    String user = EngineUser.id(execution.getProcessEngineServices().getIdentityService());
    String notes = REFERRAL_OUTCOME_NOTES.get(execution);
    String currency = DISPUTED_CURRENCY.get(execution) == null ? DEFAULT_CURRENCY : DISPUTED_CURRENCY.get(execution);
    referrals.concluded(EXTERNAL_REFERRAL_ID.get(execution), ExternalReferral.Outcome.valueOf(outcome),
        user, OffsetDateTime.now(clock),
        notes == null || notes.isBlank() ? null : notes.strip(), owed ? redress : null, currency);
    FURTHER_REDRESS_OWED.set(execution, owed);
  }

  private static TaskActionRefusedException refused(String message) {
    return new TaskActionRefusedException("The form's values were not accepted: " + message, HttpStatus.BAD_REQUEST);
  }
}
