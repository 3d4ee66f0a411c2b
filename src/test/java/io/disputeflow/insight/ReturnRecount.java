package io.disputeflow.insight;

import io.disputeflow.figures.Measure;
import io.disputeflow.insight.ReturnRegime.Section;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A regulatory return recounted from every complaint row of its regimes (no daily figures), to hold the
 * returns against: each event on the day it happened in the bank's zone, by the return's breakdowns.
 * The result: "section|group" to the figures and the redress paid by currency, as the return's lines.
 */
@Component
class ReturnRecount {

  private final JdbcClient jdbc;
  private final ZoneId zone;

  ReturnRecount(JdbcClient jdbc, @Value("${disputeflow.zone}") ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  Map<String, Object> lines(ReturnRegime regime, ReturnPeriod period) {
    Map<String, Map<String, Long>> measures = new TreeMap<>();
    jdbc.sql("SELECT b.received_at, b.category, b.channel, b.product, b.status, b.decision, b.decided_at,"
            + " b.decision_due_at, b.extensions_used, b.reverification_due_at, b.reverification_outcome,"
            + " b.closed_at, r.paid_at, r.amount, r.currency FROM complaint b LEFT JOIN redress_payment r"
            + " ON r.complaint_number = b.complaint_number WHERE b.inquiry_only = FALSE AND b.regime IN (:regimes)")
        .param("regimes", List.copyOf(regime.complaintRegimes))
        .query(rs -> {
          Map<String, Long> events = new HashMap<>();
          OffsetDateTime receivedAt = rs.getObject("received_at", OffsetDateTime.class);
          count(events, period, receivedAt, Measure.OPENED, 1);
          OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
          if (decidedAt != null) {
            OffsetDateTime dueAt = rs.getObject("decision_due_at", OffsetDateTime.class);
            String decision = rs.getString("decision");
            count(events, period, decidedAt, Measure.RESOLVED, 1);
            count(events, period, decidedAt, band(receivedAt, decidedAt), 1);
            count(events, period, decidedAt, Measure.RESOLVED_ON_TIME,
                dueAt != null && !decidedAt.isAfter(dueAt) ? 1 : 0);
            count(events, period, decidedAt, Measure.RESOLVED_EXTENDED, rs.getInt("extensions_used") > 0 ? 1 : 0);
            count(events, period, decidedAt, Measure.RESOLVED_UPHELD,
                "UPHOLD".equals(decision) || "PARTLY_UPHOLD".equals(decision) ? 1 : 0);
            count(events, period, decidedAt, Measure.RESOLVED_REVERIFIED,
                rs.getObject("reverification_due_at") != null ? 1 : 0);
            count(events, period, decidedAt, Measure.RESOLVED_REVERIFIED_REVISED,
                "REVISED".equals(rs.getString("reverification_outcome")) ? 1 : 0);
          }
          if ("WITHDRAWN".equals(rs.getString("status"))) {
            count(events, period, rs.getObject("closed_at", OffsetDateTime.class), Measure.CLOSED_WITHDRAWN, 1);
          }
          OffsetDateTime paidAt = rs.getObject("paid_at", OffsetDateTime.class);
          if (paidAt != null) {
            count(events, period, paidAt, Measure.REDRESS_PAID_COUNT, 1);
            BigDecimal amount = rs.getBigDecimal("amount");
            count(events, period, paidAt, Measure.REDRESS_PAID_MINOR + rs.getString("currency"),
                amount.movePointRight(2).longValue());
          }
          if (events.isEmpty()) {
            return;
          }
          Map<Section, String> values = Map.of(Section.PRODUCT, rs.getString("product"),
              Section.CATEGORY, rs.getString("category") == null ? "UNCLASSIFIED" : rs.getString("category"),
              Section.CHANNEL, rs.getString("channel"), Section.FCA_PRODUCT_GROUP, rs.getString("product"));
          List<String> lines = new ArrayList<>(List.of("TOTAL|" + "TOTAL"));
          regime.sections.forEach(section -> lines.add(section.name() + "|" + section.groupOf(values.get(section))));
          lines.forEach(line -> events.forEach((event, n) -> measures.computeIfAbsent(line, l -> new HashMap<>())
              .merge(event, n, Long::sum)));
        });
    measures.computeIfAbsent("TOTAL|TOTAL", l -> new HashMap<>());
    Map<String, Object> lines = new TreeMap<>();
    measures.forEach((line, m) -> {
      Map<String, Object> figures = new LinkedHashMap<>();
      regime.figures.forEach((name, figure) -> figures.put(name, figure.applyAsLong(m)));
      Map<String, BigDecimal> amounts = new TreeMap<>();
      m.forEach((measure, minor) -> {
        if (measure.startsWith(Measure.REDRESS_PAID_MINOR)) {
          amounts.put(measure.substring(Measure.REDRESS_PAID_MINOR.length()), BigDecimal.valueOf(minor, 2));
        }
      });
      figures.put("redressPaidAmounts", amounts);
      lines.put(line, figures);
    });
    return lines;
  }

  /** The return's lines in the same shape. */
  static Map<String, Object> linesOf(RegulatoryReturn kept) {
    Map<String, Object> lines = new TreeMap<>();
    for (RegulatoryReturn.Line line : kept.lines()) {
      Map<String, Object> figures = new LinkedHashMap<>(line.figures());
      figures.put("redressPaidAmounts", new TreeMap<>(line.redressPaidAmounts()));
      lines.put(line.section() + "|" + line.group(), figures);
    }
    return lines;
  }

  private void count(Map<String, Long> events, ReturnPeriod period, OffsetDateTime at, String measure, long n) {
    LocalDate day = at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    if (n != 0 && day != null && !day.isBefore(period.first()) && !day.isAfter(period.last())) {
      events.merge(measure, n, Long::sum);
    }
  }

  /** Within 3 business days (weekdays after the day of receipt), within 8 weeks, or after. */
  private String band(OffsetDateTime receivedAt, OffsetDateTime decidedAt) {
    LocalDate received = receivedAt.atZoneSameInstant(zone).toLocalDate();
    LocalDate decided = decidedAt.atZoneSameInstant(zone).toLocalDate();
    // none when decided on the day of receipt (or stamped earlier: the concurrent test's threads share the clock)
    long businessDays = !decided.isAfter(received) ? 0 : received.plusDays(1).datesUntil(decided.plusDays(1))
        .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
    if (businessDays <= 3) {
      return Measure.RESOLVED_WITHIN_3_BUSINESS_DAYS;
    }
    return decidedAt.isAfter(receivedAt.plusWeeks(8)) ? Measure.RESOLVED_AFTER_8_WEEKS
        : Measure.RESOLVED_WITHIN_8_WEEKS;
  }
}
