package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.ACKNOWLEDGEMENT_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_PERIOD;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.EXTENSIONS_USED;
import static io.disputeflow.process.ComplaintVariables.FIRST_EXTENSION;
import static io.disputeflow.process.ComplaintVariables.LEGAL_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_WITHIN;
import static io.disputeflow.process.ComplaintVariables.REVIEW_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.SECOND_EXTENSION;
import static io.disputeflow.process.ComplaintVariables.WARN_BEFORE;

import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Starts a complaint's clocks: at intake every due date from the receipt time and the deadline-policy
 * row, and the re-verification (核查) clock from the customer's request.
 */
@Component
class ClockStart {

  private final ClockRepository clocks;
  private final RegimeCalendars calendars;
  private final BankTime bankTime;

  ClockStart(ClockRepository clocks, RegimeCalendars calendars, BankTime bankTime) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.bankTime = bankTime;
  }

  /**
   * At intake: every due date from the receipt time and the policy row, counted on the regime's
   * calendar ({@link JurisdictionCalendar#dueAt}); internal targets count the bank's working days.
   */
  void start(DelegateExecution execution, String regime, ZonedDateTime receivedAt, DeadlinePolicy policy,
      TransferFacts transfer, BillingCycle billingCycle) {
    ZonedDateTime decisionDueAt = calendars.forRegime(regime).dueAt(receivedAt, policy.decideWithin());
    String resolutionLimit = null;
    if (Regime.US_REG_Z.code().equals(regime)) {
      // 12 CFR 1026.13(c)(2): two complete billing cycles, never later than the policy's 90 days
      BillingCycle.Resolution resolution = BillingCycle.resolutionDue(billingCycle, receivedAt, decisionDueAt,
          calendars.forRegime(regime));
      decisionDueAt = resolution.dueAt();
      resolutionLimit = resolution.limit().name();
    }
    ZonedDateTime warningAt = IsoDurations.subtract(decisionDueAt, orZero(policy.warnBefore()));
    ZonedDateTime reviewDueAt = internalDueAt(receivedAt, policy.departmentReviewWithin(), decisionDueAt);
    ZonedDateTime legalDueAt = internalDueAt(receivedAt, policy.legalOpinionWithin(), decisionDueAt);
    DECISION_DUE_AT.set(execution, Date.from(decisionDueAt.toInstant()));
    DECISION_PERIOD.set(execution, policy.decideWithin());
    DECISION_WARNING_AT.set(execution, Date.from(warningAt.toInstant()));
    REVIEW_DUE_AT.set(execution, Date.from(reviewDueAt.toInstant()));
    LEGAL_DUE_AT.set(execution, Date.from(legalDueAt.toInstant()));
    WARN_BEFORE.set(execution, orZero(policy.warnBefore()));
    FIRST_EXTENSION.set(execution, orZero(policy.extendedTo()));
    SECOND_EXTENSION.set(execution, orZero(policy.furtherExtendedTo()));
    EXTENSIONS_USED.set(execution, 0L);
    CLOCK_STATE.set(execution, ClockState.ON_TRACK.name());
    String number = COMPLAINT_NUMBER.get(execution);
    clocks.start(number, regime, new ClockRepository.Deadlines(decisionDueAt.toOffsetDateTime(),
        warningAt.toOffsetDateTime(), reviewDueAt.toOffsetDateTime(), legalDueAt.toOffsetDateTime()));
    ZonedDateTime acknowledgementDueAt = policy.acknowledgeWithin() == null ? null
        : calendars.forRegime(regime).dueAt(receivedAt, policy.acknowledgeWithin());
    ACKNOWLEDGEMENT_DUE_AT.set(execution, acknowledgementDueAt == null ? null : Date.from(acknowledgementDueAt.toInstant()));
    clocks.setRegulationDetails(number, acknowledgementDueAt == null ? null : acknowledgementDueAt.toOffsetDateTime(),
        policy.reportResultWithin(), transfer.codes());
    if (resolutionLimit != null) {
      clocks.setResolutionLimit(number, billingCycle == null ? null : billingCycle.closingDay(), resolutionLimit);
    }
  }

  /**
   * An internal target: whole days are the bank's working days (P5D: the end of the fifth working
   * day after receipt), a duration under a day is exact; a policy that leaves it out gets the decision's.
   */
  private ZonedDateTime internalDueAt(ZonedDateTime receivedAt, String within, ZonedDateTime decisionDueAt) {
    if (within == null) {
      return decisionDueAt;
    }
    LegalPeriod period = LegalPeriod.parse(within);
    if (period.kind() == LegalPeriod.Kind.CALENDAR) {
      period = LegalPeriod.parse("P" + IsoDurations.wholeDays(within) + "BD");
    }
    return calendars.bank().dueAt(receivedAt, period);
  }

  private static String orZero(String period) {
    return period == null ? "P0D" : period;
  }

  void recordContestWithin(DelegateExecution execution, String contestWithin) {
    clocks.setContestWithin(COMPLAINT_NUMBER.get(execution), contestWithin);
  }

  void startReverification(DelegateExecution execution) {
    ZonedDateTime dueAt = calendars.forRegime(REGIME.get(execution))
        .dueAt(ZonedDateTime.now(bankTime.clock()), REVERIFICATION_WITHIN.get(execution));
    REVERIFICATION_DUE_AT.set(execution, Date.from(dueAt.toInstant()));
    clocks.setReverificationDue(COMPLAINT_NUMBER.get(execution), dueAt.toOffsetDateTime());
  }
}
