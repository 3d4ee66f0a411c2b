package io.disputeflow.modeling.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Our record of a process owner's deployment: its files while it waits, then who decided and when. */
@Repository
public class PendingDeployments {

  /** One submission; {@code deploymentId} is the engine's deployment once approved. */
  public record PendingDeployment(String id, String name, String source, boolean changedOnly, String submittedBy,
      Instant submittedAt, String status, String decidedBy, Instant decidedAt, String reason, String deploymentId) {}

  private final JdbcTemplate jdbc;

  PendingDeployments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(PendingDeployment pending, Map<String, byte[]> files) {
    jdbc.update("INSERT INTO pending_deployment (id, name, source, changed_only, submitted_by, submitted_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING')", pending.id(), pending.name(), pending.source(),
        pending.changedOnly(), pending.submittedBy(), Timestamp.from(pending.submittedAt()));
    files.forEach((name, content) -> jdbc.update(
        "INSERT INTO pending_deployment_file (pending_deployment_id, name, content) VALUES (?, ?, ?)",
        pending.id(), name, content));
  }

  public Optional<PendingDeployment> find(String id) {
    return jdbc.query("SELECT * FROM pending_deployment WHERE id = ?", (row, i) -> new PendingDeployment(
            row.getString("id"), row.getString("name"), row.getString("source"), row.getBoolean("changed_only"),
            row.getString("submitted_by"), row.getTimestamp("submitted_at").toInstant(), row.getString("status"),
            row.getString("decided_by"), instant(row.getTimestamp("decided_at")), row.getString("reason"),
            row.getString("deployment_id")), id)
        .stream().findFirst();
  }

  /** The files in the order they were submitted (name → content); none once decided. */
  public Map<String, byte[]> files(String id) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    jdbc.query("SELECT name, content FROM pending_deployment_file WHERE pending_deployment_id = ? ORDER BY name",
        row -> {
          files.put(row.getString("name"), row.getBytes("content"));
        }, id);
    return files;
  }

  /** Records the decision and drops the files; false when it was decided already. */
  boolean decide(String id, String status, String decidedBy, Instant decidedAt, String reason, String deploymentId) {
    int updated = jdbc.update("UPDATE pending_deployment SET status = ?, decided_by = ?, decided_at = ?, reason = ?,"
            + " deployment_id = ? WHERE id = ? AND status = 'PENDING'", status, decidedBy, Timestamp.from(decidedAt),
        reason, deploymentId, id);
    jdbc.update("DELETE FROM pending_deployment_file WHERE pending_deployment_id = ?", id);
    return updated == 1;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
