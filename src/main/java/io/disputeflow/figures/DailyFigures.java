package io.disputeflow.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums the daily figures of a range of days: the monthly counters of the months it covers wholly, the
 * daily counters of the days of a month it covers in part, and the changes not folded yet, in one
 * statement of a repeatable-read transaction, so a fold running meanwhile is seen wholly or not at all.
 * (Read committed, H2 showed figures counted twice or not at all while the folder ran, with the parts
 * under one table expression.) The statement is a UNION ALL of the parts, each summed, added up here; each
 * part is read by its primary key, one dimension at a time (dimension = ..., then a range of days or
 * months): a year of one grouping is 12 months of counters, however many complaints they count.
 */
@Repository
public class DailyFigures {

  private final JdbcClient jdbc;

  DailyFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sums by dimension, then group, then measure, of the days {@code first} to {@code last} (both included). */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Map<Dimension, Map<String, Map<String, Long>>> sum(List<Dimension> dimensions, LocalDate first,
      LocalDate last) {
    Statement statement = statement(dimensions, first, last);
    Map<Dimension, Map<String, Map<String, Long>>> sums = new HashMap<>();
    jdbc.sql(statement.sql()).params(statement.params())
        .query(rs -> {
          sums.computeIfAbsent(Dimension.valueOf(rs.getString("dimension")), d -> new HashMap<>())
              .computeIfAbsent(rs.getString("grp"), g -> new LinkedHashMap<>())
              .merge(rs.getString("measure"), rs.getLong("amount"), Long::sum);
        });
    // as if the zero sums were never read: a group with none left is no group
    sums.values().forEach(groups -> {
      groups.values().forEach(measures -> measures.values().removeIf(amount -> amount == 0));
      groups.values().removeIf(Map::isEmpty);
    });
    sums.values().removeIf(Map::isEmpty);
    return sums;
  }

  /** The statement {@link #sum} runs, with its named parameters (also for EXPLAIN in the benchmark). */
  static Statement statement(List<Dimension> dimensions, LocalDate first, LocalDate last) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("first", first);
    params.put("last", last);
    // the whole months: from the first month starting on or after first to the last one ending on or before last
    LocalDate monthsFrom = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
    LocalDate monthsUntil = last.plusDays(1).getDayOfMonth() == 1 ? last.plusDays(1) : last.withDayOfMonth(1);
    boolean wholeMonths = monthsFrom.isBefore(monthsUntil);
    List<String> dayRanges = new ArrayList<>();
    if (wholeMonths) {
      params.put("monthsFrom", monthsFrom);
      params.put("monthsTo", monthsUntil.minusMonths(1));
      if (first.isBefore(monthsFrom)) {
        params.put("headTo", monthsFrom.minusDays(1));
        dayRanges.add("figure_day >= :first AND figure_day <= :headTo");
      }
      if (!monthsUntil.isAfter(last)) {
        params.put("tailFrom", monthsUntil);
        dayRanges.add("figure_day >= :tailFrom AND figure_day <= :last");
      }
    } else {
      dayRanges.add("figure_day >= :first AND figure_day <= :last");
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      String dimension = "dimension = :d" + i;
      params.put("d" + i, dimensions.get(i).name());
      if (wholeMonths) {
        parts.add(part("report_monthly_figure", dimension + " AND figure_month >= :monthsFrom"
            + " AND figure_month <= :monthsTo"));
      }
      for (String days : dayRanges) {
        parts.add(part("report_daily_figure", dimension + " AND " + days));
      }
      parts.add(part("report_figure_change", dimension + " AND figure_day >= :first AND figure_day <= :last"));
    }
    return new Statement(String.join(" UNION ALL ", parts), params);
  }

  /** One part, summed by group and measure (the parts of one counter are added up by {@link #sum}). */
  private static String part(String table, String condition) {
    return "SELECT dimension, grp, measure, SUM(amount) AS amount FROM " + table + " WHERE " + condition
        + " GROUP BY dimension, grp, measure";
  }

  record Statement(String sql, Map<String, Object> params) {}
}
