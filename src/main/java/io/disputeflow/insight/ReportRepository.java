package io.disputeflow.insight;

import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.feedback.RootCause;
import io.disputeflow.figures.DailyFigures;
import io.disputeflow.figures.Dimension;
import io.disputeflow.figures.Measure;
import io.disputeflow.insight.SummaryReport.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary's figures from the daily figures (figures.DailyFigures), kept as complaints change: a
 * year costs the same with a million complaints as with a thousand. Only what depends on the moment of
 * reading comes from the rows, and from the open ones only: the undecided complaints already past their
 * deadline, and the unpaid redress already past its due date (both by index). Outside referrals and
 * reopenings are counted from their own rows (few beside the complaints), joined to the complaints in range.
 */
@Repository
class ReportRepository {

  static final String TOTAL = Dimension.ALL;
  private static final List<String> REVERIFICATION_OUTCOMES = List.of("ORIGINAL_UPHELD", "REVISED");
  private static final String RANGE = " WHERE b.received_at >= :from AND b.received_at < :to";
  private static final List<String> BODIES = Stream.of(ExternalReferral.Body.values()).map(Enum::name).toList();
  private static final List<String> OUTCOMES = Stream.of(ExternalReferral.Outcome.values()).map(Enum::name).toList();
  private static final String REFERRALS = "referrals";
  private static final String REFERRAL_BODY = "referralBody.";
  private static final String REFERRAL_OUTCOME = "referralOutcome.";
  private static final String REOPENED = "reopened";
  private static final String REOPENINGS = "reopenings";

  private final JdbcClient jdbc;
  private final DailyFigures daily;

  ReportRepository(JdbcClient jdbc, DailyFigures daily) {
    this.jdbc = jdbc;
    this.daily = daily;
  }

  /**
   * The total (each complaint once) first, then one row per group, largest first, for complaints received
   * on the days {@code first} to {@code last}, which run from {@code from} to {@code to} in the bank's zone.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ) // DailyFigures#sum says why
  List<Figures> figures(ReportGrouping grouping, LocalDate first, LocalDate last, OffsetDateTime from,
      OffsetDateTime to, OffsetDateTime asOf) {
    Dimension dimension = Dimension.valueOf(grouping.name());
    var sums = daily.sum(List.of(Dimension.TOTAL, dimension), first, last);
    Map<String, long[]> pastDue = pastDue(grouping, from, to, asOf);
    Map<String, Map<String, Long>> referrals = referralsAndReopenings(grouping, from, to);
    List<Figures> rows = new ArrayList<>();
    rows.add(figures(TOTAL, "Total / 合计",
        with(sums.getOrDefault(Dimension.TOTAL, Map.of()).getOrDefault(TOTAL, Map.of()), referrals.get("0")),
        pastDue.getOrDefault("0", new long[2])));
    sums.getOrDefault(dimension, Map.of()).entrySet().stream()
        .filter(group -> group.getValue().getOrDefault(Measure.RECEIVED, 0L) > 0)
        .sorted(Comparator.<Map.Entry<String, Map<String, Long>>>comparingLong(
            group -> -group.getValue().get(Measure.RECEIVED)).thenComparing(Map.Entry::getKey))
        .forEach(group -> rows.add(figures(group.getKey(), grouping.label(group.getKey()),
            with(group.getValue(), referrals.get("1" + group.getKey())),
            pastDue.getOrDefault("1" + group.getKey(), new long[2]))));
    return rows;
  }

  private static Map<String, Long> with(Map<String, Long> measures, Map<String, Long> more) {
    if (more == null) {
      return measures;
    }
    Map<String, Long> all = new HashMap<>(measures);
    all.putAll(more);
    return all;
  }

  /**
   * By "0" (the total) and "1" + group: the outside referrals of the complaints received in range, by body
   * and by outcome, the complaints reopened and their reopenings.
   */
  private Map<String, Map<String, Long>> referralsAndReopenings(ReportGrouping grouping, OffsetDateTime from,
      OffsetDateTime to) {
    String group = grouping.groupExpression();
    String referred = " JOIN complaint b ON b.complaint_number = x.complaint_number";
    String reopened = " JOIN complaint b ON b.complaint_number = o.complaint_number";
    String sql = "SELECT '0' AS grp, x.body AS body, x.outcome AS outcome, COUNT(*) AS n, 0 AS cases"
        + " FROM external_referral x" + referred + RANGE + " GROUP BY x.body, x.outcome"
        + " UNION ALL SELECT '1' || " + group + ", x.body, x.outcome, COUNT(*), 0 FROM external_referral x" + referred
        + grouping.join() + RANGE + " GROUP BY " + group + ", x.body, x.outcome"
        + " UNION ALL SELECT '0', NULL, NULL, COUNT(*), COUNT(DISTINCT o.complaint_number) FROM complaint_reopening o"
        + reopened + RANGE
        + " UNION ALL SELECT '1' || " + group + ", NULL, NULL, COUNT(*), COUNT(DISTINCT o.complaint_number)"
        + " FROM complaint_reopening o" + reopened + grouping.join() + RANGE + " GROUP BY " + group;
    Map<String, Map<String, Long>> byGroup = new HashMap<>();
    jdbc.sql(sql).param("from", from).param("to", to).query(rs -> {
      Map<String, Long> measures = byGroup.computeIfAbsent(rs.getString("grp"), g -> new HashMap<>());
      String body = rs.getString("body");
      long n = rs.getLong("n");
      if (body == null) {
        measures.merge(REOPENINGS, n, Long::sum);
        measures.merge(REOPENED, rs.getLong("cases"), Long::sum);
        return;
      }
      measures.merge(REFERRALS, n, Long::sum);
      measures.merge(REFERRAL_BODY + body, n, Long::sum);
      String outcome = rs.getString("outcome");
      if (outcome != null) {
        measures.merge(REFERRAL_OUTCOME + outcome, n, Long::sum);
      }
    });
    return byGroup;
  }

  /**
   * By "0" (the total) and "1" + group: the undecided complaints (not withdrawn) past their decision
   * deadline, and the unpaid redress past its due date, at {@code asOf}.
   */
  private Map<String, long[]> pastDue(ReportGrouping grouping, OffsetDateTime from, OffsetDateTime to,
      OffsetDateTime asOf) {
    String undecided = " WHERE b.decided_at IS NULL AND b.inquiry_only = FALSE AND b.received_at >= :from"
        + " AND b.received_at < :to AND b.status <> 'WITHDRAWN' AND b.decision_due_at <= :asOf";
    String unpaid = " JOIN complaint b ON b.complaint_number = r.complaint_number" + RANGE
        + " AND r.paid_at IS NULL AND r.due_at <= :asOf";
    String group = grouping.groupExpression();
    String sql = "SELECT '0' AS grp, 0 AS kind, COUNT(*) AS cases FROM complaint b" + undecided
        + " UNION ALL SELECT '1' || " + group + ", 0, COUNT(*) FROM complaint b" + grouping.join() + undecided
        + " GROUP BY " + group
        + " UNION ALL SELECT '0', 1, COUNT(*) FROM redress_payment r" + unpaid
        + " UNION ALL SELECT '1' || " + group + ", 1, COUNT(*) FROM redress_payment r" + unpaid.replace(" WHERE",
        grouping.join() + " WHERE") + " GROUP BY " + group;
    Map<String, long[]> pastDue = new HashMap<>();
    jdbc.sql(sql).param("from", from).param("to", to).param("asOf", asOf)
        .query(rs -> {
          pastDue.computeIfAbsent(rs.getString("grp"), g -> new long[2])[rs.getInt("kind")] += rs.getLong("cases");
        });
    return pastDue;
  }

  private static Figures figures(String group, String label, Map<String, Long> m, long[] pastDue) {
    long decided = get(m, Measure.DECIDED);
    long upheld = get(m, Measure.UPHELD);
    long dueByNow = decided + pastDue[0];
    long onTime = get(m, Measure.DECIDED_ON_TIME);
    long reverifications = get(m, Measure.REVERIFICATIONS);
    long identified = get(m, Measure.IDENTIFIED);
    long repeats = get(m, Measure.REPEATS);
    long surveyed = get(m, Measure.SURVEYED);
    long redressPaid = get(m, Measure.REDRESS_PAID);
    long redressOnTime = get(m, Measure.REDRESS_PAID_ON_TIME);
    TreeMap<Long, Long> days = new TreeMap<>();
    m.forEach((measure, count) -> {
      if (measure.startsWith(Measure.DAYS_TO_DECISION)) {
        days.put(Long.parseLong(measure.substring(Measure.DAYS_TO_DECISION.length())), count);
      }
    });
    return new Figures(group, label,
        get(m, Measure.RECEIVED), get(m, Measure.INQUIRIES), decided, upheld, share(upheld, decided), dueByNow, onTime,
        share(onTime, dueByNow), percentile(days, 0.5), percentile(days, 0.9), get(m, Measure.EXTENSIONS_USED),
        get(m, Measure.EXTENDED), reverifications, share(reverifications, decided),
        counts(m, Measure.REVERIFICATION_OUTCOME, REVERIFICATION_OUTCOMES), surveyed,
        surveyed == 0 ? null : round((double) get(m, Measure.SATISFACTION_SUM) / surveyed, 2), identified, repeats,
        share(repeats, identified),
        counts(m, Measure.ROOT_CAUSE, Stream.of(RootCause.values()).map(Enum::name).toList()),
        get(m, Measure.WITHDRAWN), get(m, Measure.REDRESS_OWED), redressPaid, redressOnTime,
        share(redressOnTime, redressPaid + pastDue[1]), get(m, REFERRALS), counts(m, REFERRAL_BODY, BODIES),
        counts(m, REFERRAL_OUTCOME, OUTCOMES), get(m, REOPENED), get(m, REOPENINGS));
  }

  /**
   * The percentile of the whole days to decision as PERCENTILE_CONT computes it: the value at position
   * p × (n − 1) of the sorted values, interpolated between its neighbours.
   */
  static Double percentile(TreeMap<Long, Long> histogram, double p) {
    long n = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    double position = p * (n - 1);
    long below = (long) Math.floor(position);
    double lower = valueAt(histogram, below);
    double upper = valueAt(histogram, Math.min(below + 1, n - 1));
    return round(lower + (position - below) * (upper - lower), 2);
  }

  /** The value at this 0-based position of the sorted values. */
  private static double valueAt(TreeMap<Long, Long> histogram, long index) {
    long seen = 0;
    for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
      seen += bucket.getValue();
      if (index < seen) {
        return bucket.getKey();
      }
    }
    return histogram.lastKey();
  }

  private static long get(Map<String, Long> measures, String measure) {
    return measures.getOrDefault(measure, 0L);
  }

  /** The non-zero counts of the measures prefix + value, by value. */
  private static Map<String, Long> counts(Map<String, Long> measures, String prefix, List<String> values) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String value : values) {
      long count = get(measures, prefix + value);
      if (count > 0) {
        counts.put(value, count);
      }
    }
    return counts;
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
