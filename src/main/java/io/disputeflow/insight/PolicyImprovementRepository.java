package io.disputeflow.insight;

import io.disputeflow.process.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The policy_improvement table and its links to the complaints that caused each improvement. */
@Repository
class PolicyImprovementRepository {

  static final String OPEN = "OPEN";
  static final String DONE = "DONE";

  record Improvement(long id, String businessKey, String processInstanceId, String department, String rootCause,
      String triggerReason, String status, OffsetDateTime openedAt, OffsetDateTime fixedAt, Boolean effective,
      OffsetDateTime closedAt) {}

  record LinkedComplaint(String complaintNumber, String product, String issue, String triggerReason) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final MeterRegistry meters;

  PolicyImprovementRepository(JdbcClient jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.meters = meters;
  }

  Optional<Improvement> findOpen(String department, String rootCause) {
    return jdbc.sql(SELECT + " WHERE open_key = ?").param(openKey(department, rootCause))
        .query(PolicyImprovementRepository::map).optional();
  }

  Optional<Improvement> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " WHERE business_key = ?").param(businessKey)
        .query(PolicyImprovementRepository::map).optional();
  }

  List<Improvement> findAll() {
    return jdbc.sql(SELECT + " ORDER BY id").query(PolicyImprovementRepository::map).list();
  }

  /**
   * Holds the department's and cause's lock row until the caller's transaction ends: closings of the
   * same pair count, open and join one after the other. The row is created once, in a transaction of
   * its own so that a concurrent creation (a duplicate key) does not fail the caller's.
   */
  void lock(String department, String rootCause) {
    String key = openKey(department, rootCause);
    String lock = "SELECT open_key FROM policy_improvement_lock WHERE open_key = ? FOR UPDATE";
    if (jdbc.sql(lock).param(key).query(String.class).optional().isPresent()) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status ->
          jdbc.sql("INSERT INTO policy_improvement_lock (open_key) VALUES (?)").param(key).update());
    } catch (DuplicateKeyException createdMeanwhile) {
      // another closing created it: lock it all the same
    }
    jdbc.sql(lock).param(key).query(String.class).single();
  }

  /** Opens an improvement; the unique open key makes a second opening fail instead of duplicating. */
  long open(String department, String rootCause, String triggerReason, OffsetDateTime at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO policy_improvement (department, root_cause, trigger_reason, status, open_key, opened_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(department, rootCause, triggerReason, OPEN, openKey(department, rootCause), at)
        .update(keys, "id");
    Counter opened = Counter.builder("disputeflow.policy.improvements.opened")
        .description("Policy improvements opened, by owning department").tag("department", department).register(meters);
    AfterCommit.run(opened::increment);
    return keys.getKeyAs(Number.class).longValue();
  }

  void setProcess(long id, String businessKey, String processInstanceId) {
    jdbc.sql("UPDATE policy_improvement SET business_key = ?, process_instance_id = ? WHERE id = ?")
        .params(businessKey, processInstanceId, id).update();
  }

  /** Links a complaint once (a complaint closes once, so no two transactions link the same pair). */
  boolean link(long id, String complaintNumber, String triggerReason, OffsetDateTime at) {
    boolean linked = jdbc.sql("SELECT COUNT(*) FROM policy_improvement_complaint WHERE improvement_id = ?"
            + " AND complaint_number = ?")
        .params(id, complaintNumber).query(Long.class).single() > 0;
    if (!linked) {
      jdbc.sql("INSERT INTO policy_improvement_complaint (improvement_id, complaint_number, trigger_reason, linked_at)"
              + " VALUES (?, ?, ?, ?)")
          .params(id, complaintNumber, triggerReason, at).update();
    }
    return !linked;
  }

  List<LinkedComplaint> linkedComplaints(long id) {
    return jdbc.sql("SELECT l.complaint_number, c.product, c.issue, l.trigger_reason"
            + " FROM policy_improvement_complaint l JOIN complaint c ON c.complaint_number = l.complaint_number"
            + " WHERE l.improvement_id = ? ORDER BY l.linked_at, l.complaint_number")
        .param(id)
        .query((rs, row) -> new LinkedComplaint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Complaints with this root cause and owning department whose case closed after {@code after}, up to {@code upTo}. */
  List<String> closedWithRootCause(String department, String rootCause, OffsetDateTime after, OffsetDateTime upTo) {
    return jdbc.sql("SELECT complaint_number FROM complaint WHERE root_cause_department = ? AND root_cause = ?"
            + " AND closed_at > ? AND closed_at <= ? ORDER BY closed_at, complaint_number")
        .params(department, rootCause, after, upTo)
        .query(String.class)
        .list();
  }

  void recordFix(String businessKey, String analysis, String actionPlan, String fixDescription, String fixedBy,
      OffsetDateTime fixedAt) {
    update(businessKey, "analysis = ?, action_plan = ?, fix_description = ?, fixed_by = ?, fixed_at = ?",
        analysis, actionPlan, fixDescription, fixedBy, fixedAt);
  }

  /** Records the verdict; an effective fix closes the improvement and frees its key for a future one. */
  void recordVerification(String businessKey, boolean effective, String notes, String verifiedBy, OffsetDateTime at) {
    if (effective) {
      update(businessKey, "effective = ?, verification_notes = ?, verified_by = ?, verified_at = ?, status = ?,"
          + " open_key = NULL, closed_at = ?", true, notes, verifiedBy, at, DONE, at);
    } else {
      update(businessKey, "effective = ?, verification_notes = ?, verified_by = ?, verified_at = ?",
          false, notes, verifiedBy, at);
    }
  }

  private void update(String businessKey, String assignments, Object... values) {
    Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
    params[values.length] = businessKey;
    if (jdbc.sql("UPDATE policy_improvement SET " + assignments + " WHERE business_key = ?").params(params)
        .update() != 1) {
      throw new IllegalStateException("No policy improvement " + businessKey);
    }
  }

  private static String openKey(String department, String rootCause) {
    return department + "|" + rootCause;
  }

  private static final String SELECT = "SELECT id, business_key, process_instance_id, department, root_cause,"
      + " trigger_reason, status, opened_at, fixed_at, effective, closed_at FROM policy_improvement";

  private static Improvement map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Improvement(rs.getLong("id"), rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("department"), rs.getString("root_cause"), rs.getString("trigger_reason"),
        rs.getString("status"), rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("fixed_at", OffsetDateTime.class), (Boolean) rs.getObject("effective"),
        rs.getObject("closed_at", OffsetDateTime.class));
  }
}
