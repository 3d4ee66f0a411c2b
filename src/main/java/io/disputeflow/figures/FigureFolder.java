package io.disputeflow.figures;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds the committed counter changes to the daily counters and to the monthly ones (the same counters
 * summed per calendar month) and deletes them, every few seconds
 * ({@code disputeflow.reports.fold-every}, default 10 s). One node at a time: the fold holds the row of
 * report_fold_lock, so the inserts of new counters never collide. It claims the changes it folds with one
 * statement (a change committed later is folded next time, never lost nor folded twice), and a reader
 * sees the counters and the unfolded changes in one statement, so a fold never shows a figure twice.
 */
@Component
public class FigureFolder {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  FigureFolder(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Transactional itself: the scheduler calls this method through the proxy, and fold() called from here
   * would run without a transaction (each statement on its own: no fold lock, readers seeing a fold half
   * done, two nodes inserting the same counter).
   */
  @Scheduled(initialDelayString = "${disputeflow.reports.fold-every:PT10S}",
      fixedDelayString = "${disputeflow.reports.fold-every:PT10S}")
  @Transactional
  public void scheduled() {
    fold();
  }

  /** Folds the changes committed so far; returns how many counters it moved. */
  @Transactional
  public int fold() {
    jdbc.sql("SELECT id FROM report_fold_lock WHERE id = 1 FOR UPDATE").query(Integer.class).list();
    String foldId = UUID.randomUUID().toString();
    int claimed = jdbc.sql("UPDATE report_figure_change SET fold_id = ? WHERE fold_id IS NULL").param(foldId).update();
    if (claimed == 0) {
      return 0;
    }
    List<Object[]> sums = jdbc.sql("SELECT dimension, figure_day, grp, measure, SUM(amount) AS amount"
            + " FROM report_figure_change WHERE fold_id = ? GROUP BY dimension, figure_day, grp, measure")
        .param(foldId)
        .query((rs, row) -> new Object[] {rs.getLong("amount"), rs.getString("dimension"), rs.getDate("figure_day"),
            rs.getString("grp"), rs.getString("measure")})
        .list()
        .stream().filter(s -> (long) s[0] != 0).toList();
    add("report_daily_figure", "figure_day", sums);
    add("report_monthly_figure", "figure_month", byMonth(sums));
    jdbc.sql("DELETE FROM report_figure_change WHERE fold_id = ?").param(foldId).update();
    return sums.size();
  }

  /** Adds each sum {amount, dimension, day, group, measure} to its counter, creating the counters missing. */
  private void add(String table, String dayColumn, List<Object[]> sums) {
    int[] updated = batch.batchUpdate("UPDATE " + table + " SET amount = amount + ? WHERE dimension = ?"
        + " AND " + dayColumn + " = ? AND grp = ? AND measure = ?", sums);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        Object[] s = sums.get(i);
        inserts.add(new Object[] {s[1], s[2], s[3], s[4], s[0]});
      }
    }
    if (!inserts.isEmpty()) {
      batch.batchUpdate("INSERT INTO " + table + " (dimension, " + dayColumn + ", grp, measure, amount)"
          + " VALUES (?, ?, ?, ?, ?)", inserts);
    }
  }

  /** The same sums by the first day of their month. */
  private static List<Object[]> byMonth(List<Object[]> sums) {
    Map<List<Object>, Long> months = new LinkedHashMap<>();
    for (Object[] s : sums) {
      Date month = Date.valueOf(((Date) s[2]).toLocalDate().withDayOfMonth(1));
      months.merge(List.of(s[1], month, s[3], s[4]), (Long) s[0], Long::sum);
    }
    return months.entrySet().stream().filter(m -> m.getValue() != 0)
        .map(m -> new Object[] {m.getValue(), m.getKey().get(0), m.getKey().get(1), m.getKey().get(2),
            m.getKey().get(3)})
        .toList();
  }
}
