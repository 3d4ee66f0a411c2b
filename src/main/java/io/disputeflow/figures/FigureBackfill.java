package io.disputeflow.figures;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the complaints that have no daily figures yet: those received before the figures existed (at
 * the first start after the upgrade), and after a migration that empties the figures to recount them
 * with a new measure. It runs in the background after the start, a batch per transaction; a complaint
 * changed meanwhile is counted by its change (both lock the complaint, so it is never counted twice).
 * Several nodes may run it at once: a complaint a node finds counted after locking it is left alone.
 */
@Component
public class FigureBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(FigureBackfill.class);
  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final ComplaintFigures figures;
  private final FigureFolder folder;

  FigureBackfill(JdbcClient jdbc, ComplaintFigures figures, FigureFolder folder) {
    this.jdbc = jdbc;
    this.figures = figures;
    this.folder = folder;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    Thread thread = new Thread(() -> {
      try {
        int counted = countUncounted();
        if (counted > 0) {
          LOG.info("Counted {} complaints into the daily report figures", counted);
        }
      } catch (RuntimeException e) {
        LOG.error("Counting the complaints into the daily report figures stopped; the next start resumes it", e);
      }
    }, "report-figures-backfill");
    thread.setDaemon(true);
    thread.start();
  }

  /** Counts every complaint not counted yet, folding after each batch; returns how many it counted. */
  public int countUncounted() {
    int counted = 0;
    String after = "";
    while (true) {
      List<String> batch = jdbc.sql("SELECT c.complaint_number FROM complaint c WHERE c.complaint_number > ?"
              + " AND NOT EXISTS (SELECT 1 FROM report_complaint_counted s WHERE s.complaint_number = c.complaint_number)"
              + " ORDER BY c.complaint_number FETCH FIRST " + BATCH + " ROWS ONLY")
          .param(after).query(String.class).list();
      if (batch.isEmpty()) {
        return counted;
      }
      figures.recount(batch);
      folder.fold();
      counted += batch.size();
      after = batch.get(batch.size() - 1);
    }
  }
}
