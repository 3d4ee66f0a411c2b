package io.disputeflow.complaint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters of GET /api/complaints; each given filter narrows the result. */
public record ComplaintSearch(
    ComplaintStatus status,
    Stage stage,
    String category,
    String priority,
    Product product,
    Channel channel,
    String customerId,
    String customerName,
    OffsetDateTime receivedFrom,
    OffsetDateTime receivedTo,
    Boolean overdue,
    OffsetDateTime dueBefore,
    OffsetDateTime now) {

  private static final String UNDECIDED = "decided_at IS NULL AND status NOT IN ('CLOSED', 'WITHDRAWN')";

  /** The WHERE clause (never empty) and its named parameters. */
  String where(Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    add(conditions, params, "status", status == null ? null : status.name(), "status = :status");
    add(conditions, params, "stage", stage == null ? null : stage.name(), "stage = :stage");
    add(conditions, params, "category", category, "category = :category");
    add(conditions, params, "priority", priority, "priority = :priority");
    add(conditions, params, "product", product == null ? null : product.name(), "product = :product");
    add(conditions, params, "channel", channel == null ? null : channel.name(), "channel = :channel");
    add(conditions, params, "customerId", customerId, "customer_id = :customerId");
    add(conditions, params, "customerName", customerName, "LOWER(customer_name) = LOWER(:customerName)");
    add(conditions, params, "receivedFrom", receivedFrom, "received_at >= :receivedFrom");
    add(conditions, params, "receivedTo", receivedTo, "received_at < :receivedTo");
    if (overdue != null || dueBefore != null) {
      params.put("now", now);
    }
    if (Boolean.TRUE.equals(overdue)) {
      conditions.add(UNDECIDED + " AND decision_due_at <= :now");
    } else if (Boolean.FALSE.equals(overdue)) {
      conditions.add("NOT (" + UNDECIDED + " AND decision_due_at <= :now)");
    }
    add(conditions, params, "dueBefore", dueBefore,
        UNDECIDED + " AND decision_due_at > :now AND decision_due_at <= :dueBefore");
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }

  private static void add(List<String> conditions, Map<String, Object> params, String name, Object value,
      String condition) {
    if (value != null && !(value instanceof String text && text.isBlank())) {
      conditions.add(condition);
      params.put(name, value);
    }
  }

  static Map<String, Object> newParams() {
    return new LinkedHashMap<>();
  }
}
