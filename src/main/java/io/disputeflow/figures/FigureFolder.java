package io.disputeflow.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds the committed counter changes to the daily counters and deletes them, every few seconds
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

  @Scheduled(initialDelayString = "${disputeflow.reports.fold-every:PT10S}",
      fixedDelayString = "${disputeflow.reports.fold-every:PT10S}")
  void scheduled() {
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
    int[] updated = batch.batchUpdate("UPDATE report_daily_figure SET amount = amount + ? WHERE dimension = ?"
        + " AND figure_day = ? AND grp = ? AND measure = ?", sums);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        Object[] s = sums.get(i);
        inserts.add(new Object[] {s[1], s[2], s[3], s[4], s[0]});
      }
    }
    if (!inserts.isEmpty()) {
      batch.batchUpdate("INSERT INTO report_daily_figure (dimension, figure_day, grp, measure, amount)"
          + " VALUES (?, ?, ?, ?, ?)", inserts);
    }
    jdbc.sql("DELETE FROM report_figure_change WHERE fold_id = ?").param(foldId).update();
    return sums.size();
  }
}
