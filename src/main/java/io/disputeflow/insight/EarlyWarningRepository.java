package io.disputeflow.insight;

import io.disputeflow.process.AfterCommit;
import io.disputeflow.time.BankTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Intake counts for the detector, and the early_warning table. */
@Repository
class EarlyWarningRepository implements IntakeCounts {

  private final JdbcClient jdbc;
  private final BankTime bankTime;
  private final MeterRegistry meters;

  EarlyWarningRepository(JdbcClient jdbc, BankTime bankTime, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.bankTime = bankTime;
    this.meters = meters;
  }

  /** One range scan of the received_at index per window, however many complaints lie outside them. */
  @Override
  public Map<String, int[]> countsByWindow(IntakeDimension dimension, List<Window> windows) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      parts.add("SELECT " + dimension.column + " AS v, " + i + " AS w FROM complaint"
          + " WHERE received_at >= ? AND received_at < ?");
      params.add(windows.get(i).start());
      params.add(windows.get(i).end());
    }
    Map<String, int[]> counts = new HashMap<>();
    jdbc.sql("SELECT v, w, COUNT(*) AS n FROM (" + String.join(" UNION ALL ", parts) + ") t"
            + " WHERE v IS NOT NULL GROUP BY v, w")
        .params(params)
        .query(rs -> {
          counts.computeIfAbsent(rs.getString("v"), v -> new int[windows.size()])[rs.getInt("w")] = rs.getInt("n");
        });
    return counts;
  }

  @Override
  public Optional<OffsetDateTime> firstReceivedAt() {
    return jdbc.sql("SELECT MIN(received_at) FROM complaint").query(OffsetDateTime.class).optional();
  }

  Optional<EarlyWarning> findOpen(IntakeDimension dimension, String value) {
    return jdbc.sql(SELECT + " WHERE open_key = ?").param(openKey(dimension, value)).query(this::map).optional();
  }

  Optional<EarlyWarning> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " WHERE business_key = ?").param(businessKey).query(this::map).optional();
  }

  boolean resolvedSince(IntakeDimension dimension, String value, OffsetDateTime since) {
    return jdbc.sql("SELECT COUNT(*) FROM early_warning WHERE dimension = ? AND dimension_value = ?"
            + " AND resolved_at > ?")
        .params(dimension.name(), value, since).query(Long.class).single() > 0;
  }

  /** Inserts an open alert; the unique open key makes a second node's insert for the same key fail. */
  long insert(IntakeDimension dimension, String value, Window window, SpikeTest.Assessment assessment,
      OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO early_warning (dimension, dimension_value, status, open_key, window_start, window_end,"
            + " observed, expected, p_value, peak_observed, raised_at, last_seen_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(dimension.name(), value, EarlyWarning.OPEN, openKey(dimension, value), window.start(), window.end(),
            assessment.observed(), assessment.expected(), assessment.pValue(), assessment.observed(), now, now)
        .update(keys, "id");
    Counter raised = Counter.builder("disputeflow.early.warnings.raised")
        .description("Early warnings raised (intake spikes), by dimension (CATEGORY, PRODUCT)")
        .tag("dimension", dimension.name()).register(meters);
    AfterCommit.run(raised::increment);
    return keys.getKeyAs(Number.class).longValue();
  }

  void setBusinessKey(long id, String businessKey) {
    jdbc.sql("UPDATE early_warning SET business_key = ? WHERE id = ?").params(businessKey, id).update();
  }

  /** The spike goes on: the alert shows the latest window and its peak. */
  void refresh(long id, Window window, SpikeTest.Assessment assessment, OffsetDateTime now) {
    jdbc.sql("UPDATE early_warning SET window_start = ?, window_end = ?, observed = ?, expected = ?, p_value = ?,"
            + " peak_observed = GREATEST(peak_observed, ?), last_seen_at = ? WHERE id = ?")
        .params(window.start(), window.end(), assessment.observed(), assessment.expected(), assessment.pValue(),
            assessment.observed(), now, id)
        .update();
  }

  void resolve(String businessKey, String assessment, String notes, String resolvedBy, OffsetDateTime at) {
    int rows = jdbc.sql("UPDATE early_warning SET status = ?, open_key = NULL, assessment = ?, resolution_notes = ?,"
            + " resolved_by = ?, resolved_at = ? WHERE business_key = ? AND status = ?")
        .params(EarlyWarning.RESOLVED, assessment, notes, resolvedBy, at, businessKey, EarlyWarning.OPEN)
        .update();
    if (rows != 1) {
      throw new IllegalStateException("No open early warning " + businessKey);
    }
  }

  /** The newest alerts first; {@code status} null for all. */
  List<EarlyWarning> list(String status, int limit) {
    return jdbc.sql(SELECT + (status == null ? "" : " WHERE status = :status")
            + " ORDER BY raised_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
        .params(status == null ? Map.of() : Map.of("status", status))
        .query(this::map).list();
  }

  private static String openKey(IntakeDimension dimension, String value) {
    return dimension.name() + "|" + value;
  }

  private static final String SELECT = "SELECT id, business_key, dimension, dimension_value, status, window_start,"
      + " window_end, observed, expected, p_value, peak_observed, raised_at, last_seen_at, assessment,"
      + " resolution_notes, resolved_by, resolved_at FROM early_warning";

  private EarlyWarning map(ResultSet rs, int row) throws SQLException {
    IntakeDimension dimension = IntakeDimension.valueOf(rs.getString("dimension"));
    String value = rs.getString("dimension_value");
    return new EarlyWarning(rs.getLong("id"), rs.getString("business_key"), dimension, value, dimension.label(value),
        rs.getString("status"), timeOf(rs, "window_start"), timeOf(rs, "window_end"), rs.getInt("observed"),
        rs.getDouble("expected"), rs.getDouble("p_value"), rs.getInt("peak_observed"), timeOf(rs, "raised_at"),
        timeOf(rs, "last_seen_at"), rs.getString("assessment"), rs.getString("resolution_notes"),
        rs.getString("resolved_by"), timeOf(rs, "resolved_at"));
  }

  /** A column's time in the bank's zone. */
  private OffsetDateTime timeOf(ResultSet rs, String column) throws SQLException {
    return bankTime.inZone(rs.getObject(column, OffsetDateTime.class));
  }
}
