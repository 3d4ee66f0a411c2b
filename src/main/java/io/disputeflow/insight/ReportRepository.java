package io.disputeflow.insight;

import io.disputeflow.insight.SummaryReport.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report figures, aggregated in the database over the received_at range (SQL that H2 2.x and
 * PostgreSQL both run, percentiles with PERCENTILE_CONT): the application never loads the complaints.
 */
@Repository
class ReportRepository {

  private static final String TOTAL = "TOTAL";

  private final JdbcClient jdbc;

  ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The total (each complaint once) and one row per group, for complaints received in [from, to). */
  @Transactional(readOnly = true)
  List<Figures> figures(ReportGrouping grouping, OffsetDateTime from, OffsetDateTime to, OffsetDateTime asOf) {
    List<Figures> rows = new ArrayList<>(query("'" + TOTAL + "'", "", null, from, to, asOf));
    rows.addAll(query(grouping.groupExpression(), grouping.join(), grouping, from, to, asOf));
    return rows;
  }

  private List<Figures> query(String groupExpression, String join, ReportGrouping grouping, OffsetDateTime from,
      OffsetDateTime to, OffsetDateTime asOf) {
    String base = "WITH base AS (SELECT " + groupExpression + " AS grp, c.inquiry_only, c.decision, c.decided_at,"
        + " c.decision_due_at, c.extensions_used, c.reverification_due_at, c.reverification_outcome,"
        + " c.satisfaction_score, c.customer_id, c.root_cause,"
        + " CASE WHEN c.decided_at IS NOT NULL THEN CAST((EXTRACT(EPOCH FROM c.decided_at)"
        + " - EXTRACT(EPOCH FROM c.received_at)) / 86400.0 AS DOUBLE PRECISION) END AS days,"
        + " CASE WHEN c.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM complaint p"
        + " WHERE p.customer_id = c.customer_id AND p.received_at < c.received_at"
        + " AND p.received_at >= c.received_at - INTERVAL '12' MONTH) THEN 1 ELSE 0 END AS repeat_flag"
        + " FROM complaint c" + join + " WHERE c.received_at >= :from AND c.received_at < :to) ";
    Map<String, Object> params = Map.of("from", from, "to", to, "asOf", asOf);
    Map<String, Map<String, Long>> rootCauses = breakdown(base, "root_cause", params);
    Map<String, Map<String, Long>> reverifications = breakdown(base, "reverification_outcome", params);
    return jdbc.sql(base + "SELECT grp, COUNT(*) AS received,"
            + " SUM(CASE WHEN inquiry_only THEN 1 ELSE 0 END) AS inquiries,"
            + " SUM(CASE WHEN NOT inquiry_only AND decided_at IS NOT NULL THEN 1 ELSE 0 END) AS decided,"
            + " SUM(CASE WHEN NOT inquiry_only AND decision IN ('UPHOLD', 'PARTLY_UPHOLD') THEN 1 ELSE 0 END) AS upheld,"
            + " SUM(CASE WHEN NOT inquiry_only AND (decided_at IS NOT NULL OR decision_due_at <= :asOf)"
            + " THEN 1 ELSE 0 END) AS due_by_now,"
            + " SUM(CASE WHEN NOT inquiry_only AND decided_at <= decision_due_at THEN 1 ELSE 0 END) AS on_time,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY days) AS median_days,"
            + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY days) AS p90_days,"
            + " SUM(extensions_used) AS extensions_used,"
            + " SUM(CASE WHEN extensions_used > 0 THEN 1 ELSE 0 END) AS extended,"
            + " SUM(CASE WHEN reverification_due_at IS NOT NULL THEN 1 ELSE 0 END) AS reverifications,"
            + " COUNT(satisfaction_score) AS surveyed,"
            + " AVG(CAST(satisfaction_score AS DOUBLE PRECISION)) AS mean_satisfaction,"
            + " COUNT(customer_id) AS identified, SUM(repeat_flag) AS repeats"
            + " FROM base GROUP BY grp ORDER BY COUNT(*) DESC, grp")
        .params(params)
        .query((rs, row) -> figures(rs, grouping, rootCauses, reverifications))
        .list();
  }

  /** Counts per group of one column's values (root causes, re-verification outcomes). */
  private Map<String, Map<String, Long>> breakdown(String base, String column, Map<String, Object> params) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    jdbc.sql(base + "SELECT grp, " + column + " AS v, COUNT(*) AS n FROM base WHERE " + column + " IS NOT NULL"
            + " GROUP BY grp, " + column)
        .params(params)
        .query(rs -> {
          counts.computeIfAbsent(rs.getString("grp"), g -> new TreeMap<>()).put(rs.getString("v"), rs.getLong("n"));
        });
    return counts;
  }

  private static Figures figures(ResultSet rs, ReportGrouping grouping, Map<String, Map<String, Long>> rootCauses,
      Map<String, Map<String, Long>> reverifications) throws SQLException {
    String group = rs.getString("grp");
    long decided = rs.getLong("decided");
    long upheld = rs.getLong("upheld");
    long dueByNow = rs.getLong("due_by_now");
    long onTime = rs.getLong("on_time");
    long reverificationsRequested = rs.getLong("reverifications");
    long identified = rs.getLong("identified");
    long repeats = rs.getLong("repeats");
    return new Figures(group, grouping == null ? "Total / 合计" : grouping.label(group), rs.getLong("received"),
        rs.getLong("inquiries"), decided, upheld, share(upheld, decided), dueByNow, onTime, share(onTime, dueByNow),
        rounded(rs, "median_days"), rounded(rs, "p90_days"), rs.getLong("extensions_used"), rs.getLong("extended"),
        reverificationsRequested, share(reverificationsRequested, decided),
        reverifications.getOrDefault(group, Map.of()), rs.getLong("surveyed"), rounded(rs, "mean_satisfaction"),
        identified, repeats, share(repeats, identified), rootCauses.getOrDefault(group, Map.of()));
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  private static Double rounded(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : round(value, 2);
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
