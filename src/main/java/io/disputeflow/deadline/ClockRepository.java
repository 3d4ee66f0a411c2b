package io.disputeflow.deadline;

import io.disputeflow.process.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clock's columns of the complaint table and its extension, pause and alert records. */
@Repository
public class ClockRepository {

  public record Deadlines(OffsetDateTime decisionDueAt, OffsetDateTime warningAt, OffsetDateTime reviewDueAt,
      OffsetDateTime legalDueAt) {}

  public record ExtensionRecord(int step, String reason, String requestedBy, OffsetDateTime requestedAt,
      String outcome, String decidedBy, OffsetDateTime decidedAt, String comment, OffsetDateTime previousDueAt,
      OffsetDateTime newDueAt) {}

  public record PauseRecord(String reason, String pausedBy, OffsetDateTime pausedAt, String resumedBy,
      OffsetDateTime resumedAt, Long pausedSeconds) {}

  /** The clock columns of one complaint. */
  public record ClockRecord(String regime, OffsetDateTime decisionDueAt, OffsetDateTime originalDecisionDueAt,
      OffsetDateTime warningAt, OffsetDateTime reviewDueAt, OffsetDateTime legalDueAt,
      OffsetDateTime reverificationDueAt, int extensionsUsed, OffsetDateTime pausedSince, long pausedSeconds,
      OffsetDateTime overdueSince, String contestWithin, OffsetDateTime acknowledgementDueAt,
      String reportResultWithin, String transferFacts, OffsetDateTime periodStartedAt,
      ProvisionalCredit provisionalCredit,
      /** Regulation Z: the statement closing day intake was given, or null. */
      Integer billingCycleClosingDay,
      /** Regulation Z: TWO_BILLING_CYCLES, NINETY_DAYS or NINETY_DAYS_WITHOUT_CYCLE; null under other regimes. */
      String resolutionLimit) {}

  /** Regulation E: the amount in error credited to the account while the investigation goes on. */
  public record ProvisionalCredit(java.math.BigDecimal amount, String currency, OffsetDateTime creditedAt,
      String recordedBy) {}

  private final JdbcClient jdbc;
  private final MeterRegistry meters;

  ClockRepository(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  void start(String number, String regime, Deadlines deadlines) {
    update(number, "regime = ?, decision_due_at = ?, original_decision_due_at = ?, decision_warning_at = ?,"
            + " review_due_at = ?, legal_due_at = ?",
        regime, deadlines.decisionDueAt(), deadlines.decisionDueAt(), deadlines.warningAt(), deadlines.reviewDueAt(),
        deadlines.legalDueAt());
  }

  /**
   * The rows' regime-specific periods: Regulation Z's acknowledgement due date, Regulation E's result
   * report period (counted from the decision) and the transfer facts that chose the row.
   */
  void setRegulationDetails(String number, OffsetDateTime acknowledgementDueAt, String reportResultWithin,
      String transferFacts) {
    update(number, "acknowledgement_due_at = ?, report_result_within = ?, transfer_facts = ?", acknowledgementDueAt,
        reportResultWithin, transferFacts);
  }

  /** Regulation Z: the cycle the resolution limit was counted with, and which limit applies. */
  void setResolutionLimit(String number, Integer billingCycleClosingDay, String resolutionLimit) {
    update(number, "billing_cycle_closing_day = ?, resolution_limit = ?", billingCycleClosingDay, resolutionLimit);
  }

  /**
   * When the acknowledgement went out: an e-mail when the mail server took it, a letter for a customer
   * without e-mail when it was queued for posting; a failed e-mail put on paper only once its delivery is
   * recorded (when it was posted is not known). Empty while none has gone out.
   */
  public java.util.Optional<OffsetDateTime> acknowledgedAt(String number) {
    return wentOutAt(number, "ACKNOWLEDGEMENT");
  }

  /** Regulation E: when the decision letter (the result report) went out, as {@link #acknowledgedAt}; empty while not. */
  java.util.Optional<OffsetDateTime> resultReportedAt(String number) {
    return wentOutAt(number, "DECISION");
  }

  private java.util.Optional<OffsetDateTime> wentOutAt(String number, String letterType) {
    return jdbc.sql("SELECT MIN(CASE WHEN status = 'SENT' THEN sent_at WHEN status = 'PRINT' AND attempts = 0"
            + " THEN created_at WHEN status = 'PRINT' THEN delivered_at END)"
            + " FROM letter WHERE complaint_number = ? AND letter_type = ? AND addressee = 'CUSTOMER'")
        .params(number, letterType).query(OffsetDateTime.class).optional();
  }

  /** When the complaint was decided; empty while undecided. */
  java.util.Optional<OffsetDateTime> decidedAt(String number) {
    return jdbc.sql("SELECT decided_at FROM complaint WHERE complaint_number = ?").param(number)
        .query(OffsetDateTime.class).optional();
  }

  /** The contest window's period (deadline-policy contestWithin), counted from the decision's receipt. */
  void setContestWithin(String number, String contestWithin) {
    update(number, "contest_within = ?", contestWithin);
  }

  void moveDeadlines(String number, Deadlines deadlines) {
    update(number, "decision_due_at = ?, decision_warning_at = ?, review_due_at = ?, legal_due_at = ?",
        deadlines.decisionDueAt(), deadlines.warningAt(), deadlines.reviewDueAt(), deadlines.legalDueAt());
  }

  void recordProvisionalCredit(String number, ProvisionalCredit credit) {
    update(number, "provisional_credit_amount = ?, provisional_credit_currency = ?, provisionally_credited_at = ?,"
        + " provisional_credit_recorded_by = ?", credit.amount(), credit.currency(), credit.creditedAt(),
        credit.recordedBy());
  }

  void setPeriodStartedAt(String number, OffsetDateTime at) {
    update(number, "period_started_at = ?", at);
  }

  void setReverificationDue(String number, OffsetDateTime dueAt) {
    update(number, "reverification_due_at = ?", dueAt);
  }

  void setExtensionsUsed(String number, int used) {
    update(number, "extensions_used = ?", used);
  }

  void markOverdue(String number, OffsetDateTime since) {
    jdbc.sql("UPDATE complaint SET overdue_since = COALESCE(overdue_since, ?) WHERE complaint_number = ?")
        .params(since, number).update();
  }

  void pause(String number, String reason, String user, OffsetDateTime at) {
    update(number, "clock_paused_since = ?", at);
    jdbc.sql("INSERT INTO clock_pause (complaint_number, reason, paused_by, paused_at) VALUES (?, ?, ?, ?)")
        .params(number, reason, user, at).update();
  }

  /** Ends the open pause and returns its length in seconds. */
  long resume(String number, String user, OffsetDateTime at) {
    OffsetDateTime since = jdbc.sql("SELECT clock_paused_since FROM complaint WHERE complaint_number = ?")
        .param(number).query(OffsetDateTime.class).optional()
        .orElseThrow(() -> new IllegalStateException("The clock of " + number + " is not paused"));
    long seconds = Math.max(0, java.time.Duration.between(since, at).getSeconds());
    jdbc.sql("UPDATE clock_pause SET resumed_by = ?, resumed_at = ?, paused_seconds = ?"
            + " WHERE complaint_number = ? AND resumed_at IS NULL")
        .params(user, at, seconds, number).update();
    update(number, "clock_paused_since = NULL, clock_paused_seconds = clock_paused_seconds + ?", seconds);
    return seconds;
  }

  void recordExtension(String number, ExtensionRecord extension) {
    jdbc.sql("INSERT INTO deadline_extension (complaint_number, step, reason, requested_by, requested_at, outcome,"
            + " decided_by, decided_at, comment, previous_due_at, new_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(number, extension.step(), extension.reason(), extension.requestedBy(), extension.requestedAt(),
            extension.outcome(), extension.decidedBy(), extension.decidedAt(), extension.comment(),
            extension.previousDueAt(), extension.newDueAt())
        .update();
    Counter extensions = Counter.builder("disputeflow.extensions")
        .description("Decision-deadline extensions decided, by outcome (APPROVED, REFUSED)")
        .tag("outcome", extension.outcome()).register(meters);
    AfterCommit.run(extensions::increment);
  }

  void raise(String number, ClockAlert alert, OffsetDateTime dueAt, OffsetDateTime at) {
    jdbc.sql("INSERT INTO clock_alert (complaint_number, alert, recipients, due_at, raised_at) VALUES (?, ?, ?, ?, ?)")
        .params(number, alert.name(), alert.recipients, dueAt, at).update();
    Counter alerts = Counter.builder("disputeflow.clock.alerts")
        .description("Warnings and breaches the regulatory clock raised, by alert").tag("alert", alert.name())
        .register(meters);
    AfterCommit.run(alerts::increment);
  }

  /** Undecided and not closed: one indexed lookup, asked at every turn of the clock branch. */
  boolean isUndecided(String number) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE complaint_number = ? AND decided_at IS NULL"
            + " AND status NOT IN ('CLOSED', 'WITHDRAWN')")
        .param(number).query(Integer.class).single() > 0;
  }

  public java.util.Optional<ClockRecord> clockOf(String number) {
    return jdbc.sql("SELECT regime, decision_due_at, original_decision_due_at, decision_warning_at, review_due_at,"
            + " legal_due_at, reverification_due_at, extensions_used, clock_paused_since, clock_paused_seconds,"
            + " overdue_since, contest_within, acknowledgement_due_at, report_result_within, transfer_facts,"
            + " period_started_at, provisional_credit_amount, provisional_credit_currency, provisionally_credited_at,"
            + " provisional_credit_recorded_by, billing_cycle_closing_day, resolution_limit"
            + " FROM complaint WHERE complaint_number = ?")
        .param(number)
        .query((rs, row) -> new ClockRecord(rs.getString("regime"),
            rs.getObject("decision_due_at", OffsetDateTime.class),
            rs.getObject("original_decision_due_at", OffsetDateTime.class),
            rs.getObject("decision_warning_at", OffsetDateTime.class),
            rs.getObject("review_due_at", OffsetDateTime.class), rs.getObject("legal_due_at", OffsetDateTime.class),
            rs.getObject("reverification_due_at", OffsetDateTime.class), rs.getInt("extensions_used"),
            rs.getObject("clock_paused_since", OffsetDateTime.class), rs.getLong("clock_paused_seconds"),
            rs.getObject("overdue_since", OffsetDateTime.class), rs.getString("contest_within"),
            rs.getObject("acknowledgement_due_at", OffsetDateTime.class), rs.getString("report_result_within"),
            rs.getString("transfer_facts"), rs.getObject("period_started_at", OffsetDateTime.class),
            rs.getObject("provisionally_credited_at") == null ? null : new ProvisionalCredit(
                rs.getBigDecimal("provisional_credit_amount"), rs.getString("provisional_credit_currency"),
                rs.getObject("provisionally_credited_at", OffsetDateTime.class),
                rs.getString("provisional_credit_recorded_by")),
            (Integer) rs.getObject("billing_cycle_closing_day", Integer.class), rs.getString("resolution_limit")))
        .optional();
  }

  public List<ExtensionRecord> extensionsOf(String number) {
    return jdbc.sql("SELECT step, reason, requested_by, requested_at, outcome, decided_by, decided_at, comment,"
            + " previous_due_at, new_due_at FROM deadline_extension WHERE complaint_number = ? ORDER BY id")
        .param(number)
        .query((rs, row) -> new ExtensionRecord(rs.getInt("step"), rs.getString("reason"),
            rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
            rs.getString("outcome"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
            rs.getString("comment"), rs.getObject("previous_due_at", OffsetDateTime.class),
            rs.getObject("new_due_at", OffsetDateTime.class)))
        .list();
  }

  public List<PauseRecord> pausesOf(String number) {
    return jdbc.sql("SELECT reason, paused_by, paused_at, resumed_by, resumed_at, paused_seconds FROM clock_pause"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(number)
        .query((rs, row) -> new PauseRecord(rs.getString("reason"), rs.getString("paused_by"),
            rs.getObject("paused_at", OffsetDateTime.class), rs.getString("resumed_by"),
            rs.getObject("resumed_at", OffsetDateTime.class), (Long) rs.getObject("paused_seconds", Long.class)))
        .list();
  }

  private void update(String number, String assignments, Object... values) {
    Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
    params[values.length] = number;
    int rows = jdbc.sql("UPDATE complaint SET " + assignments + " WHERE complaint_number = ?").params(params).update();
    if (rows != 1) {
      throw new IllegalStateException("No complaint " + number + " to update");
    }
  }
}
