package io.disputeflow.insight;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes complaint rows straight into our table, for figures that need many cases in known states
 * (reports, detector baselines, root-cause histories) without working each through the engine.
 */
final class ComplaintRows {

  private final JdbcClient jdbc;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private ComplaintRows(JdbcClient jdbc, String number, OffsetDateTime receivedAt) {
    this.jdbc = jdbc;
    values.put("complaint_number", number);
    values.put("channel", "BRANCH");
    values.put("received_at", receivedAt);
    values.put("customer_name", "Test customer");
    values.put("preferred_language", "zh-CN");
    values.put("customer_vulnerable", false);
    values.put("product", "CREDIT_CARD");
    values.put("issue", "Test issue");
    values.put("narrative", "Test narrative");
    values.put("inquiry_only", false);
    values.put("status", "OPEN");
    values.put("stage", "INVESTIGATION");
    values.put("category", "BILLING_DISPUTE");
    values.put("decision_due_at", receivedAt.plusDays(15));
    values.put("created_at", receivedAt);
    values.put("updated_at", receivedAt);
  }

  static ComplaintRows complaint(JdbcClient jdbc, String number, OffsetDateTime receivedAt) {
    return new ComplaintRows(jdbc, number, receivedAt);
  }

  ComplaintRows with(String column, Object value) {
    values.put(column, value);
    return this;
  }

  /** Decided (and closed) {@code days} after receipt. */
  ComplaintRows decided(String decision, double days) {
    OffsetDateTime receivedAt = (OffsetDateTime) values.get("received_at");
    return with("decision", decision).with("decided_at", receivedAt.plusSeconds(Math.round(days * 86_400)));
  }

  ComplaintRows closedWithRootCause(String rootCause, String department, boolean systemic, OffsetDateTime closedAt) {
    return with("root_cause", rootCause).with("root_cause_department", department).with("systemic_cause", systemic)
        .with("status", "CLOSED").with("stage", "CLOSED").with("closed_at", closedAt);
  }

  String insert() {
    jdbc.sql("INSERT INTO complaint (" + String.join(", ", values.keySet()) + ") VALUES ("
            + values.keySet().stream().map(k -> ":" + k).collect(Collectors.joining(", ")) + ")")
        .params(values)
        .update();
    return (String) values.get("complaint_number");
  }
}
