package io.disputeflow.audit;

import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.time.BankTime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors find cases in our indexed complaint table: by number (or its beginning), customer (id,
 * or part of the name), receipt dates in the bank's zone, category, outcome (the decision or how it
 * was resolved) and whether the case was ever overdue (decided after its decision deadline, or still
 * undecided past it).
 */
@RestController
@Validated
class AuditSearch {

  record AuditCase(String complaintNumber, String status, String stage, String customerId, String customerName,
      String product, String category, String priority, OffsetDateTime receivedAt, OffsetDateTime decisionDueAt,
      OffsetDateTime decidedAt, String decision, BigDecimal compensationAmount, String resolutionOutcome,
      OffsetDateTime closedAt, boolean overdueEver) {}

  record AuditCasePage(List<AuditCase> content, int page, int size, long totalElements, int totalPages) {}

  /**
   * The regulatory clock records when a deadline passed undecided ({@code overdue_since}); besides,
   * the decision (else the closing of an answered inquiry, else now) came after the decision deadline.
   */
  private static final String OVERDUE = "(overdue_since IS NOT NULL OR (decision_due_at IS NOT NULL"
      + " AND COALESCE(decided_at, closed_at, :now) > decision_due_at))";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ZoneId zone;
  private final BankTime bankTime;

  AuditSearch(JdbcClient jdbc, Clock clock, BankTime bankTime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.zone = bankTime.zone();
    this.bankTime = bankTime;
  }

  @GetMapping("/api/audit/complaints")
  @Transactional(readOnly = true)
  AuditCasePage search(
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String customer,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) Boolean overdueEver,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidFieldException("to", "must not be before from");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("now", OffsetDateTime.now(clock));
    List<String> where = new ArrayList<>();
    if (hasText(number)) {
      where.add("UPPER(complaint_number) LIKE :number");
      params.put("number", escape(number.trim().toUpperCase()) + "%");
    }
    if (hasText(customer)) {
      where.add("(customer_id = :customerId OR LOWER(customer_name) LIKE :customerName)");
      params.put("customerId", customer.trim());
      params.put("customerName", "%" + escape(customer.trim().toLowerCase()) + "%");
    }
    if (from != null) {
      where.add("received_at >= :from");
      params.put("from", from.atStartOfDay(zone).toOffsetDateTime());
    }
    if (to != null) {
      where.add("received_at < :to");
      params.put("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }
    if (hasText(category)) {
      where.add("category = :category");
      params.put("category", category.trim());
    }
    if (hasText(outcome)) {
      where.add("(decision = :outcome OR resolution_outcome = :outcome)");
      params.put("outcome", outcome.trim());
    }
    if (overdueEver != null) {
      where.add(overdueEver ? OVERDUE : "NOT " + OVERDUE);
    }
    String condition = where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
    long total = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE " + condition).params(params).query(Long.class).single();
    List<AuditCase> rows = jdbc.sql("SELECT complaint_number, status, stage, customer_id, customer_name, product,"
            + " category, priority, received_at, decision_due_at, decided_at, decision, compensation_amount,"
            + " resolution_outcome, closed_at, " + OVERDUE + " AS overdue_ever FROM complaint WHERE " + condition
            + " ORDER BY received_at DESC, complaint_number DESC OFFSET " + ((long) page * size)
            + " ROWS FETCH NEXT " + size + " ROWS ONLY")
        .params(params)
        .query((rs, row) -> new AuditCase(rs.getString("complaint_number"), rs.getString("status"),
            rs.getString("stage"), rs.getString("customer_id"), rs.getString("customer_name"), rs.getString("product"),
            rs.getString("category"), rs.getString("priority"),
            bankTime.inZone(rs.getObject("received_at", OffsetDateTime.class)),
            bankTime.inZone(rs.getObject("decision_due_at", OffsetDateTime.class)),
            bankTime.inZone(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decision"),
            rs.getBigDecimal("compensation_amount"), rs.getString("resolution_outcome"),
            bankTime.inZone(rs.getObject("closed_at", OffsetDateTime.class)), rs.getBoolean("overdue_ever")))
        .list();
    return new AuditCasePage(rows, page, size, total, (int) ((total + size - 1) / size));
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /** LIKE wildcards in the input match themselves (H2 and PostgreSQL use the backslash by default). */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
