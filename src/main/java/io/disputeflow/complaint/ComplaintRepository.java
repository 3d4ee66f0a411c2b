package io.disputeflow.complaint;

import io.disputeflow.process.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the complaint table; every write joins the caller's (engine's) transaction. */
@Repository
public class ComplaintRepository {

  static final String COLUMNS =
      "complaint_number, channel, external_reference, received_at, customer_id, customer_name,"
          + " customer_phone, customer_email, preferred_language, customer_birth_date, customer_vulnerable,"
          + " product, issue, narrative, disputed_amount, disputed_currency, inquiry_only, status, stage,"
          + " category, priority, departments, legal_needed, regime, decision_due_at, investigation_findings,"
          + " legal_opinion, decision, compensation_amount, decision_grounds, decided_at, resolution_outcome,"
          + " satisfaction_score, satisfaction_comment, root_cause, root_cause_department, systemic_cause,"
          + " closed_at, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ApplicationEventPublisher events;

  ComplaintRepository(JdbcClient jdbc, Clock clock, MeterRegistry meters, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.meters = meters;
    this.events = events;
  }

  public void insert(ComplaintRecord c) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("INSERT INTO complaint (complaint_number, channel, external_reference, received_at, customer_id,"
            + " customer_name, customer_phone, customer_email, preferred_language, customer_birth_date,"
            + " customer_vulnerable, product, issue, narrative, disputed_amount, disputed_currency, inquiry_only,"
            + " status, stage, created_at, updated_at) VALUES (:number, :channel, :reference, :receivedAt,"
            + " :customerId, :name, :phone, :email, :language, :birthDate, :vulnerable, :product, :issue,"
            + " :narrative, :amount, :currency, :inquiryOnly, :status, :stage, :now, :now)")
        .param("number", c.complaintNumber())
        .param("channel", c.channel().name())
        .param("reference", c.externalReference())
        .param("receivedAt", c.receivedAt())
        .param("customerId", c.customerId())
        .param("name", c.customerName())
        .param("phone", c.customerPhone())
        .param("email", c.customerEmail())
        .param("language", c.preferredLanguage())
        .param("birthDate", c.customerBirthDate())
        .param("vulnerable", c.customerVulnerable())
        .param("product", c.product().name())
        .param("issue", c.issue())
        .param("narrative", c.narrative())
        .param("amount", c.disputedAmount())
        .param("currency", c.disputedCurrency())
        .param("inquiryOnly", c.inquiryOnly())
        .param("status", c.status().name())
        .param("stage", c.stage().name())
        .param("now", now)
        .update();
    events.publishEvent(new ComplaintChanged(c.complaintNumber()));
  }

  public Optional<ComplaintRecord> find(String complaintNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE complaint_number = ?")
        .param(complaintNumber)
        .query(ComplaintRepository::map)
        .optional();
  }

  /** The case a channel's reference belongs to: the one it opened, or the one that absorbed it. */
  public Optional<ComplaintRecord> findByReference(Channel channel, String externalReference) {
    return findNumberByReference(channel, externalReference).flatMap(this::find);
  }

  /** The complaint a channel's reference became or joined. */
  public Optional<String> findNumberByReference(Channel channel, String externalReference) {
    return jdbc.sql("SELECT complaint_number FROM complaint WHERE channel = :channel AND external_reference = :reference"
            + " UNION ALL SELECT complaint_number FROM complaint_submission"
            + " WHERE channel = :channel AND external_reference = :reference")
        .param("channel", channel.name())
        .param("reference", externalReference)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** An open case of the same customer about the same product and issue (a duplicate: merged, not a second case). */
  public Optional<ComplaintRecord> findOpenDuplicate(
      String customerId, String customerName, String phone, String email, Product product, String issue) {
    String customerMatch = customerId != null
        ? "customer_id = :customerId"
        : "LOWER(customer_name) = LOWER(:name) AND (customer_phone = :phone OR LOWER(customer_email) = LOWER(:email))";
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE status NOT IN ('CLOSED', 'WITHDRAWN') AND inquiry_only = FALSE"
            + " AND product = :product AND LOWER(TRIM(issue)) = LOWER(TRIM(:issue)) AND " + customerMatch
            + " ORDER BY received_at FETCH FIRST 1 ROWS ONLY")
        .param("customerId", customerId)
        .param("name", customerName)
        .param("phone", phone)
        .param("email", email)
        .param("product", product.name())
        .param("issue", issue)
        .query(ComplaintRepository::map)
        .optional();
  }

  public void addSubmission(String complaintNumber, Channel channel, String externalReference,
      OffsetDateTime receivedAt, String narrative) {
    addSubmission(complaintNumber, channel, externalReference, receivedAt, narrative, false, null, null);
  }

  /**
   * A repeat complaint joined to its open case; with new facts it restarted the decision period,
   * moving the deadline from {@code previousDueAt} to {@code restartedDueAt}.
   */
  public void addSubmission(String complaintNumber, Channel channel, String externalReference,
      OffsetDateTime receivedAt, String narrative, boolean newFacts, OffsetDateTime previousDueAt,
      OffsetDateTime restartedDueAt) {
    jdbc.sql("INSERT INTO complaint_submission (complaint_number, channel, external_reference, received_at,"
            + " narrative, new_facts, previous_due_at, restarted_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(complaintNumber, channel.name(), externalReference, receivedAt, narrative, newFacts, previousDueAt,
            restartedDueAt)
        .update();
  }

  public int countSubmissions(String complaintNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint_submission WHERE complaint_number = ?")
        .param(complaintNumber)
        .query(Integer.class)
        .single();
  }

  public void updateClassification(String number, String category, String priority, List<String> departments,
      boolean legalNeeded) {
    update(number, "category = ?, priority = ?, departments = ?, legal_needed = ?",
        category, priority, String.join(",", departments), legalNeeded);
  }

  /** The customer's e-mail address, corrected by a coordinator after a letter could not be delivered. */
  public void updateCustomerEmail(String number, String email) {
    update(number, "customer_email = ?", email);
  }

  public void updateStage(String number, Stage stage) {
    update(number, "stage = ?", stage.name());
  }

  public void updateStatus(String number, ComplaintStatus status) {
    update(number, "status = ?", status.name());
  }

  public void updateInvestigation(String number, String findings, List<String> departments, boolean legalNeeded) {
    update(number, "investigation_findings = ?, departments = ?, legal_needed = ?",
        findings, String.join(",", departments), legalNeeded);
  }

  public void updateLegalOpinion(String number, String opinion) {
    update(number, "legal_opinion = ?", opinion);
  }

  public void updateDecision(String number, String decision, BigDecimal compensation, String grounds) {
    update(number, "decision = ?, compensation_amount = ?, decision_grounds = ?, decided_at = ?",
        decision, compensation, grounds, OffsetDateTime.now(clock));
    Counter decisions = Counter.builder("disputeflow.decisions")
        .description("Decisions put on file by outcome (a decision revised on re-verification counts again)")
        .tag("outcome", String.valueOf(decision)).register(meters);
    AfterCommit.run(decisions::increment);
  }

  public void updateResolutionOutcome(String number, String outcome) {
    update(number, "resolution_outcome = ?", outcome);
  }

  /** The head of consumer protection's re-verification verdict (ORIGINAL_UPHELD or REVISED), for reports. */
  public void updateReverificationOutcome(String number, String outcome) {
    update(number, "reverification_outcome = ?", outcome);
  }

  public void updateSatisfaction(String number, int score, String comment) {
    update(number, "satisfaction_score = ?, satisfaction_comment = ?", score, comment);
  }

  public void updateRootCause(String number, String rootCause, String department, boolean systemic) {
    update(number, "root_cause = ?, root_cause_department = ?, systemic_cause = ?", rootCause, department, systemic);
  }

  /** The customer withdrew the case: it ends, as closed, with its own status. */
  public void withdraw(String number) {
    update(number, "status = ?, stage = ?, closed_at = ?",
        ComplaintStatus.WITHDRAWN.name(), Stage.CLOSED.name(), OffsetDateTime.now(clock));
  }

  /**
   * A closed case reopened: open again with a new decision period from {@code reopenedAt}; what its previous
   * life decided is cleared here (complaint_reopening keeps it) so the handling and the clock start afresh.
   */
  public void reopen(String number, OffsetDateTime reopenedAt) {
    update(number, "status = ?, stage = ?, closed_at = NULL, decision = NULL, compensation_amount = NULL,"
            + " decision_grounds = NULL, decided_at = NULL, resolution_outcome = NULL, reverification_outcome = NULL,"
            + " reverification_due_at = NULL, satisfaction_score = NULL, satisfaction_comment = NULL,"
            + " root_cause = NULL, root_cause_department = NULL, systemic_cause = NULL, overdue_since = NULL,"
            + " extensions_used = 0, clock_paused_since = NULL, period_started_at = ?",
        ComplaintStatus.OPEN.name(), Stage.INTAKE.name(), reopenedAt);
  }

  public void close(String number) {
    update(number, "status = ?, stage = ?, closed_at = ?",
        ComplaintStatus.CLOSED.name(), Stage.CLOSED.name(), OffsetDateTime.now(clock));
  }

  private void update(String number, String assignments, Object... values) {
    Object[] params = new Object[values.length + 2];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = OffsetDateTime.now(clock);
    params[values.length + 1] = number;
    int rows = jdbc.sql("UPDATE complaint SET " + assignments + ", updated_at = ? WHERE complaint_number = ?")
        .params(params)
        .update();
    if (rows != 1) {
      throw new IllegalStateException("No complaint " + number + " to update");
    }
    events.publishEvent(new ComplaintChanged(number));
  }

  static ComplaintRecord map(ResultSet rs, int row) throws SQLException {
    return new ComplaintRecord(
        rs.getString("complaint_number"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("external_reference"),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getString("customer_id"),
        rs.getString("customer_name"),
        rs.getString("customer_phone"),
        rs.getString("customer_email"),
        rs.getString("preferred_language"),
        rs.getObject("customer_birth_date", LocalDate.class),
        rs.getBoolean("customer_vulnerable"),
        Product.valueOf(rs.getString("product")),
        rs.getString("issue"),
        rs.getString("narrative"),
        rs.getBigDecimal("disputed_amount"),
        rs.getString("disputed_currency"),
        rs.getBoolean("inquiry_only"),
        ComplaintStatus.valueOf(rs.getString("status")),
        Stage.valueOf(rs.getString("stage")),
        rs.getString("category"),
        rs.getString("priority"),
        rs.getString("departments"),
        (Boolean) rs.getObject("legal_needed"),
        rs.getString("regime"),
        rs.getObject("decision_due_at", OffsetDateTime.class),
        rs.getString("investigation_findings"),
        rs.getString("legal_opinion"),
        rs.getString("decision"),
        rs.getBigDecimal("compensation_amount"),
        rs.getString("decision_grounds"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("resolution_outcome"),
        (Integer) rs.getObject("satisfaction_score"),
        rs.getString("satisfaction_comment"),
        rs.getString("root_cause"),
        rs.getString("root_cause_department"),
        (Boolean) rs.getObject("systemic_cause"),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
