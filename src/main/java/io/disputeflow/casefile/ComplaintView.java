package io.disputeflow.casefile;

import io.disputeflow.complaint.AwaitedAction;
import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.complaint.Redress;
import io.disputeflow.complaint.Reopening;
import io.disputeflow.complaint.Representative;
import io.disputeflow.complaint.Withdrawal;
import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.Product;
import io.disputeflow.complaint.Stage;

import io.disputeflow.correspondence.Letter;
import io.disputeflow.time.BankTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A complaint as the API shows it: the record plus what the engine waits for now. */
public record ComplaintView(
    String complaintNumber,
    ComplaintStatus status,
    Stage stage,
    String category,
    String priority,
    Channel channel,
    String externalReference,
    OffsetDateTime receivedAt,
    OffsetDateTime decisionDueAt,
    Customer customer,
    Product product,
    String issue,
    String narrative,
    Money disputedAmount,
    boolean inquiryOnly,
    List<String> departments,
    Boolean legalNeeded,
    Deadlines deadlines,
    List<Extension> extensions,
    List<Pause> pauses,
    Decision decision,
    String resolutionOutcome,
    Satisfaction satisfaction,
    RootCause rootCause,
    List<AwaitedAction> awaiting,
    int additionalSubmissions,
    OffsetDateTime closedAt,
    List<Letter> letters,
    /** The customer's withdrawal (status WITHDRAWN); null otherwise. */
    Withdrawal withdrawal,
    /** The compensation granted, as paid by the accounts department; null when none was granted. */
    Redress redress,
    /** Who made the complaint on the customer's behalf (the latest recorded); null when the customer did. */
    Representative representative,
    /** The dispute's referrals to outside bodies (mediation, regulator, ombudsman, arbitration, court), oldest first. */
    List<ExternalReferral> externalReferrals,
    /** Each time the closed case was reopened, with what its previous life decided; oldest first. */
    List<Reopening> reopenings) {

  public record Customer(String customerId, String name, String phone, String email, String preferredLanguage,
      LocalDate dateOfBirth, boolean vulnerable) {}

  public record Money(BigDecimal amount, String currency) {}

  /**
   * The regulatory clock: the decision deadline as moved by extensions and pauses, the
   * first deadline it had, the warning time and the internal deadlines. {@code clockState} is
   * ON_TRACK, WARNING, OVERDUE, PAUSED or STOPPED (decided); {@code pausedFor} is an ISO duration.
   */
  public record Deadlines(String regime, String clockState, OffsetDateTime decisionDueAt,
      OffsetDateTime originalDecisionDueAt, OffsetDateTime warningAt, OffsetDateTime departmentReviewDueAt,
      OffsetDateTime legalOpinionDueAt, OffsetDateTime reverificationDueAt, int extensionsUsed,
      OffsetDateTime pausedSince, String pausedFor, OffsetDateTime overdueSince,
      /** The end of the customer's window to contest the decision, counted from its receipt; null until received. */
      OffsetDateTime contestUntil,
      /** Regulation Z: the written acknowledgement is due by then (null under other regimes). */
      OffsetDateTime acknowledgementDueAt,
      /** When the acknowledgement went out: an e-mail sent, a printed letter posted; null while none has. */
      OffsetDateTime acknowledgedAt,
      /** Regulation E: the result must be reported by then, counted from the decision; null until decided. */
      OffsetDateTime resultReportDueAt,
      /** Regulation E: the facts of the transfer that chose the row (NEW_ACCOUNT, POINT_OF_SALE, FOREIGN_INITIATED). */
      List<String> transferFacts,
      /** When the decision period last started: receipt, or the receipt of a repeat complaint with new facts. */
      OffsetDateTime periodStartedAt,
      /** Regulation E: the provisional credit that allowed the longer period; null without one. */
      ProvisionalCredit provisionalCredit,
      /**
       * Regulation Z (12 CFR 1026.13(c)(2)): which limit set decisionDueAt: TWO_BILLING_CYCLES, NINETY_DAYS (the
       * cycles end later), or NINETY_DAYS_WITHOUT_CYCLE (intake was given no billingCycle); null under other regimes.
       */
      String resolutionLimit,
      /** Regulation Z: the statement closing day the cycles were counted with; null without one. */
      Integer billingCycleClosingDay) {}

  public record ProvisionalCredit(BigDecimal amount, String currency, OffsetDateTime creditedAt, String recordedBy) {}

  /** One extension request: APPROVED (with the new due date) or REFUSED. */
  public record Extension(int step, String reason, String requestedBy, OffsetDateTime requestedAt, String outcome,
      String decidedBy, OffsetDateTime decidedAt, String comment, OffsetDateTime previousDueAt,
      OffsetDateTime newDueAt) {}

  /** One pause of the clock for an external appraisal; {@code pausedFor} once resumed. */
  public record Pause(String reason, String pausedBy, OffsetDateTime pausedAt, String resumedBy,
      OffsetDateTime resumedAt, String pausedFor) {}

  public record Decision(String outcome, BigDecimal compensationAmount, String grounds, OffsetDateTime decidedAt) {}

  public record Satisfaction(int score, String comment) {}

  public record RootCause(String cause, String department, Boolean systemic) {}

  static ComplaintView of(ComplaintRecord r, List<AwaitedAction> awaiting, int additionalSubmissions,
      Deadlines deadlines, List<Extension> extensions, List<Pause> pauses, List<Letter> letters, Withdrawal withdrawal,
      Redress redress, Representative representative, List<ExternalReferral> externalReferrals,
      List<Reopening> reopenings, BankTime time) {
    ComplaintStatus status = r.status().ended() ? r.status()
        : awaiting.isEmpty() ? ComplaintStatus.OPEN : ComplaintStatus.AWAITING_CUSTOMER;
    return new ComplaintView(
        r.complaintNumber(),
        status,
        r.stage(),
        r.category(),
        r.priority(),
        r.channel(),
        r.externalReference(),
        time.inZone(r.receivedAt()),
        time.inZone(r.decisionDueAt()),
        new Customer(r.customerId(), r.customerName(), r.customerPhone(), r.customerEmail(),
            r.preferredLanguage(), r.customerBirthDate(), r.customerVulnerable()),
        r.product(),
        r.issue(),
        r.narrative(),
        r.disputedAmount() == null ? null : new Money(r.disputedAmount(), r.disputedCurrency()),
        r.inquiryOnly(),
        r.departments() == null ? List.of() : Arrays.asList(r.departments().split(",")),
        r.legalNeeded(),
        deadlines,
        extensions,
        pauses,
        r.decision() == null ? null
            : new Decision(r.decision(), r.compensationAmount(), r.decisionGrounds(), time.inZone(r.decidedAt())),
        r.resolutionOutcome(),
        r.satisfactionScore() == null ? null : new Satisfaction(r.satisfactionScore(), r.satisfactionComment()),
        r.rootCause() == null ? null : new RootCause(r.rootCause(), r.rootCauseDepartment(), r.systemicCause()),
        awaiting,
        additionalSubmissions,
        time.inZone(r.closedAt()),
        letters,
        withdrawal == null ? null : new Withdrawal(withdrawal.reason(), withdrawal.withdrawnBy(),
            time.inZone(withdrawal.withdrawnAt()), withdrawal.stage(), withdrawal.endedTasks()),
        redress,
        representative == null ? null : new Representative(representative.name(), representative.relation(),
            representative.phone(), representative.email(), representative.address(),
            representative.authorityDocumentId(), representative.recordedBy(), time.inZone(representative.recordedAt())),
        externalReferrals,
        reopenings.stream().map(reopening -> new Reopening(reopening.id(), reopening.ground(), reopening.reason(),
            reopening.reopenedBy(), time.inZone(reopening.reopenedAt()), time.inZone(reopening.previousClosedAt()),
            reopening.previousDecision(), reopening.previousCompensation(), time.inZone(reopening.previousDecidedAt()),
            time.inZone(reopening.previousDecisionDueAt()))).toList());
  }
}
