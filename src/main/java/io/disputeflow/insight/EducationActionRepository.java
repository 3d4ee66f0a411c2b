package io.disputeflow.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The education_action table: one row per financial-education action, written by its process's steps. */
@Repository
class EducationActionRepository {

  static final String PLANNING = "PLANNING";
  static final String PLANNED = "PLANNED";
  static final String HELD = "HELD";
  static final String MEASURED = "MEASURED";
  static final String DONE = "DONE";

  private final JdbcClient jdbc;

  EducationActionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long open(String improvementKey, String followsUp, String department, String rootCause, String product,
      OffsetDateTime at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO education_action (improvement_key, follows_up, department, root_cause, product, status,"
            + " opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(improvementKey, followsUp, department, rootCause, product, PLANNING, at)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void setProcess(long id, String businessKey, String processInstanceId) {
    jdbc.sql("UPDATE education_action SET business_key = ?, process_instance_id = ? WHERE id = ?")
        .params(businessKey, processInstanceId, id).update();
  }

  void recordPlan(String businessKey, String audience, String channel, String materials, LocalDate plannedOn,
      String plannedBy) {
    update(businessKey, "audience = ?, channel = ?, materials = ?, planned_on = ?, planned_by = ?, status = ?",
        audience, channel, materials, plannedOn, plannedBy, PLANNED);
  }

  void recordDelivery(String businessKey, LocalDate heldOn, long reach, String notes, String deliveredBy) {
    update(businessKey, "held_on = ?, reach = ?, delivery_notes = ?, delivered_by = ?, status = ?",
        heldOn, reach, notes, deliveredBy, HELD);
  }

  void recordEffect(String businessKey, long before, long since, OffsetDateTime at) {
    update(businessKey, "complaints_before = ?, complaints_since = ?, measured_at = ?, status = ?",
        before, since, at, MEASURED);
  }

  void recordAssessment(String businessKey, boolean effective, String notes, String assessedBy, OffsetDateTime at) {
    update(businessKey, "effective = ?, assessment_notes = ?, assessed_by = ?, closed_at = ?, status = ?",
        effective, notes, assessedBy, at, DONE);
  }

  /** Complaints of this product with this root cause whose case closed after {@code after}, up to {@code upTo}. */
  int closedWithProductAndCause(String product, String rootCause, OffsetDateTime after, OffsetDateTime upTo) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE product = ? AND root_cause = ? AND closed_at > ?"
            + " AND closed_at <= ?")
        .params(product, rootCause, after, upTo).query(Integer.class).single();
  }

  /** Newest first; {@code status} null for all. */
  List<EducationAction> list(String status) {
    return status == null
        ? jdbc.sql(SELECT + " ORDER BY id DESC").query(EducationActionRepository::map).list()
        : jdbc.sql(SELECT + " WHERE status = ? ORDER BY id DESC").param(status).query(EducationActionRepository::map)
            .list();
  }

  Optional<EducationAction> find(String businessKey) {
    return jdbc.sql(SELECT + " WHERE business_key = ?").param(businessKey).query(EducationActionRepository::map)
        .optional();
  }

  private void update(String businessKey, String assignments, Object... values) {
    Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
    params[values.length] = businessKey;
    if (jdbc.sql("UPDATE education_action SET " + assignments + " WHERE business_key = ?").params(params)
        .update() != 1) {
      throw new IllegalStateException("No education action " + businessKey);
    }
  }

  private static final String SELECT = "SELECT business_key, improvement_key, follows_up, department, root_cause,"
      + " product, status, opened_at, audience, channel, materials, planned_on, planned_by, held_on, reach,"
      + " delivery_notes, delivered_by, measured_at, complaints_before, complaints_since, effective,"
      + " assessment_notes, assessed_by, closed_at FROM education_action";

  private static EducationAction map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Integer before = (Integer) rs.getObject("complaints_before", Integer.class);
    Integer since = (Integer) rs.getObject("complaints_since", Integer.class);
    OffsetDateTime measuredAt = rs.getObject("measured_at", OffsetDateTime.class);
    return new EducationAction(rs.getString("business_key"), rs.getString("improvement_key"),
        rs.getString("follows_up"), rs.getString("department"), rs.getString("root_cause"), rs.getString("product"),
        rs.getString("status"), rs.getObject("opened_at", OffsetDateTime.class), rs.getString("audience"),
        rs.getString("channel"), rs.getString("materials"), rs.getObject("planned_on", LocalDate.class),
        rs.getString("planned_by"), rs.getObject("held_on", LocalDate.class),
        (Integer) rs.getObject("reach", Integer.class), rs.getString("delivery_notes"), rs.getString("delivered_by"),
        measuredAt == null ? null : new EducationAction.Effect(measuredAt, before, since, since - before),
        (Boolean) rs.getObject("effective", Boolean.class), rs.getString("assessment_notes"),
        rs.getString("assessed_by"), rs.getObject("closed_at", OffsetDateTime.class));
  }
}
