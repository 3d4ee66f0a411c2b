package io.disputeflow.figures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums the daily figures of a range of days: the folded counters and the changes not folded yet, in one
 * statement (so a fold running meanwhile is seen wholly or not at all). Reads by the primary key
 * (dimension, day, ...): a year of one grouping is a few hundred thousand counters at most, however
 * many complaints they count.
 */
@Repository
public class DailyFigures {

  private final JdbcClient jdbc;

  DailyFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sums by dimension, then group, then measure, of the days {@code first} to {@code last} (both included). */
  @Transactional(readOnly = true)
  public Map<Dimension, Map<String, Map<String, Long>>> sum(List<Dimension> dimensions, LocalDate first,
      LocalDate last) {
    String range = " WHERE dimension IN (:dimensions) AND figure_day >= :first AND figure_day <= :last";
    Map<Dimension, Map<String, Map<String, Long>>> sums = new HashMap<>();
    jdbc.sql("SELECT dimension, grp, measure, SUM(amount) AS amount FROM ("
            + "SELECT dimension, grp, measure, amount FROM report_daily_figure" + range
            + " UNION ALL SELECT dimension, grp, measure, amount FROM report_figure_change" + range
            + ") f GROUP BY dimension, grp, measure")
        .param("dimensions", dimensions.stream().map(Enum::name).toList())
        .param("first", first)
        .param("last", last)
        .query(rs -> {
          long amount = rs.getLong("amount");
          if (amount != 0) {
            sums.computeIfAbsent(Dimension.valueOf(rs.getString("dimension")), d -> new HashMap<>())
                .computeIfAbsent(rs.getString("grp"), g -> new LinkedHashMap<>())
                .put(rs.getString("measure"), amount);
          }
        });
    return sums;
  }
}
