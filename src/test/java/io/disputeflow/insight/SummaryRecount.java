package io.disputeflow.insight;

import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.feedback.RootCause;
import io.disputeflow.insight.SummaryReport.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary's figures recounted from every complaint row in one statement (the way the report counted
 * before it kept daily figures), to hold the daily figures against: days to decision in whole days.
 */
@Component
class SummaryRecount {

  static final String TOTAL = "TOTAL";
  private static final List<String> REVERIFICATION_OUTCOMES = List.of("ORIGINAL_UPHELD", "REVISED");

  /** Whole days from receipt to decision. */
  private static final String DAYS_H2 = "FLOOR(DATEDIFF(SECOND, b.received_at, b.decided_at) / 86400.0)";
  private static final String DAYS = "FLOOR(EXTRACT(EPOCH FROM (b.decided_at - b.received_at)) / 86400.0)";
  /** 1 when the same customer complained in the 12 months before. */
  private static final String REPEAT = "CASE WHEN b.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM complaint p"
      + " WHERE p.customer_id = b.customer_id AND p.received_at < b.received_at"
      + " AND p.received_at >= b.received_at - INTERVAL '12' MONTH) THEN 1 ELSE 0 END";
  /** The compensation paid: one row per complaint at most (keyed by it), so no complaint counts twice. */
  private static final String REDRESS = " LEFT JOIN redress_payment r ON r.complaint_number = b.complaint_number";
  /** Each complaint's outside referrals, by body and by outcome, and its reopenings: one row per complaint at most. */
  private static final List<String> BODIES = Stream.of(ExternalReferral.Body.values()).map(Enum::name).toList();
  private static final List<String> OUTCOMES = Stream.of(ExternalReferral.Outcome.values()).map(Enum::name).toList();
  private static final String REFERRALS = " LEFT JOIN (SELECT complaint_number, COUNT(*) AS referrals, "
      + Stream.concat(
          BODIES.stream().map(body -> "SUM(CASE WHEN body = '" + body + "' THEN 1 ELSE 0 END) AS xb_" + body),
          OUTCOMES.stream().map(outcome -> "SUM(CASE WHEN outcome = '" + outcome + "' THEN 1 ELSE 0 END) AS xo_" + outcome))
        .collect(Collectors.joining(", "))
      + " FROM external_referral GROUP BY complaint_number) x ON x.complaint_number = b.complaint_number"
      + " LEFT JOIN (SELECT complaint_number, COUNT(*) AS reopenings FROM complaint_reopening"
      + " GROUP BY complaint_number) ro ON ro.complaint_number = b.complaint_number";
  private static final String RANGE = " WHERE b.received_at >= :from AND b.received_at < :to";

  private final JdbcClient jdbc;
  private final String aggregates;

  SummaryRecount(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    boolean h2 = "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    this.aggregates = aggregates("CAST(" + (h2 ? DAYS_H2 : DAYS) + " AS DOUBLE PRECISION)");
  }

  /** One row's aggregates over complaints {@code b}. */
  private static String aggregates(String days) {
    return Stream.concat(Stream.of(
            "COUNT(*) AS received",
            "SUM(CASE WHEN b.inquiry_only THEN 1 ELSE 0 END) AS inquiries",
            "SUM(CASE WHEN NOT b.inquiry_only AND b.decided_at IS NOT NULL THEN 1 ELSE 0 END) AS decided",
            "SUM(CASE WHEN NOT b.inquiry_only AND b.decision IN ('UPHOLD', 'PARTLY_UPHOLD') THEN 1 ELSE 0 END) AS upheld",
            "SUM(CASE WHEN NOT b.inquiry_only AND (b.decided_at IS NOT NULL OR b.decision_due_at <= :asOf"
                + " AND b.status <> 'WITHDRAWN') THEN 1 ELSE 0 END) AS due_by_now",
            "SUM(CASE WHEN b.status = 'WITHDRAWN' THEN 1 ELSE 0 END) AS withdrawn",
            "COUNT(r.complaint_number) AS redress_owed",
            "COUNT(r.paid_at) AS redress_paid",
            "SUM(CASE WHEN r.paid_at <= r.due_at THEN 1 ELSE 0 END) AS redress_on_time",
            "SUM(CASE WHEN r.paid_at IS NOT NULL OR r.due_at <= :asOf THEN 1 ELSE 0 END) AS redress_due_by_now",
            "SUM(CASE WHEN NOT b.inquiry_only AND b.decided_at <= b.decision_due_at THEN 1 ELSE 0 END) AS on_time",
            "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + days + ") AS median_days",
            "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + days + ") AS p90_days",
            "SUM(b.extensions_used) AS extensions_used",
            "SUM(CASE WHEN b.extensions_used > 0 THEN 1 ELSE 0 END) AS extended",
            "SUM(CASE WHEN b.reverification_due_at IS NOT NULL THEN 1 ELSE 0 END) AS reverifications",
            "COUNT(b.satisfaction_score) AS surveyed",
            "AVG(CAST(b.satisfaction_score AS DOUBLE PRECISION)) AS mean_satisfaction",
            "COUNT(b.customer_id) AS identified",
            "SUM(" + REPEAT + ") AS repeats",
            "COALESCE(SUM(x.referrals), 0) AS referrals",
            "COUNT(ro.complaint_number) AS reopened",
            "COALESCE(SUM(ro.reopenings), 0) AS reopenings"),
        Stream.concat(
            REVERIFICATION_OUTCOMES.stream().map(outcome -> "SUM(CASE WHEN b.reverification_outcome = '" + outcome
                + "' THEN 1 ELSE 0 END) AS rv_" + outcome),
            Stream.concat(Stream.of(RootCause.values()).map(cause -> "SUM(CASE WHEN b.root_cause = '" + cause.name()
                + "' THEN 1 ELSE 0 END) AS rc_" + cause.name()),
                Stream.concat(BODIES.stream().map(body -> "COALESCE(SUM(x.xb_" + body + "), 0) AS xb_" + body),
                    OUTCOMES.stream().map(outcome -> "COALESCE(SUM(x.xo_" + outcome + "), 0) AS xo_" + outcome)))))
        .collect(Collectors.joining(", "));
  }

  /** The total (each complaint once) first, then one row per group, largest first, for complaints received in [from, to). */
  @Transactional(readOnly = true)
  List<Figures> figures(ReportGrouping grouping, OffsetDateTime from, OffsetDateTime to, OffsetDateTime asOf) {
    String sql = "SELECT 0 AS kind, '" + TOTAL + "' AS grp, " + aggregates + " FROM complaint b" + REDRESS + REFERRALS + RANGE
        + " UNION ALL SELECT 1 AS kind, " + grouping.groupExpression() + " AS grp, " + aggregates
        + " FROM complaint b" + REDRESS + REFERRALS + grouping.join() + RANGE + " GROUP BY " + grouping.groupExpression()
        + " ORDER BY kind, received DESC, grp";
    return jdbc.sql(sql)
        .params(Map.of("from", from, "to", to, "asOf", asOf))
        .query((rs, row) -> figures(rs, rs.getInt("kind") == 0 ? null : grouping))
        .list();
  }

  private static Figures figures(ResultSet rs, ReportGrouping grouping) throws SQLException {
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
        counts(rs, "rv_", REVERIFICATION_OUTCOMES), rs.getLong("surveyed"), rounded(rs, "mean_satisfaction"),
        identified, repeats, share(repeats, identified),
        counts(rs, "rc_", Stream.of(RootCause.values()).map(Enum::name).toList()), rs.getLong("withdrawn"),
        rs.getLong("redress_owed"), rs.getLong("redress_paid"), rs.getLong("redress_on_time"),
        share(rs.getLong("redress_on_time"), rs.getLong("redress_due_by_now")), rs.getLong("referrals"),
        counts(rs, "xb_", BODIES), counts(rs, "xo_", OUTCOMES), rs.getLong("reopened"), rs.getLong("reopenings"));
  }

  /** The non-zero counts of the columns prefix + value, by value. */
  private static Map<String, Long> counts(ResultSet rs, String prefix, List<String> values) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String value : values) {
      long count = rs.getLong(prefix + value);
      if (count > 0) {
        counts.put(value, count);
      }
    }
    return counts;
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
