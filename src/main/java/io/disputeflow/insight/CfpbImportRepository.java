package io.disputeflow.insight;

import io.disputeflow.insight.CfpbImportTally.RowProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Background imports and their progress. A node holds an import by its lease; every write of progress
 * names the node, so a node that lost its lease (it stalled longer than the lease, and another node took
 * the import over) changes nothing any more.
 */
@Repository
class CfpbImportRepository {

  enum Status { RUNNING, DONE, FAILED }

  /** What a runner needs to continue an import. */
  record Work(String id, String content, int batchSize, long shiftWeeks, String startedBy) {}

  /** An import as GET /api/imports/{id} shows it, without its rows' problems. */
  record Progress(String id, Status status, int layout, int rows, int processed, int created, int alreadyImported,
      int merged, int rejected, int withoutNarrative, String startedBy, OffsetDateTime startedAt,
      OffsetDateTime finishedAt, long busyMillis, String failure, String leaseOwner) {}

  private static final String PROGRESS = "SELECT id, status, layout, rows_total, processed, created, already_imported,"
      + " merged, rejected, without_narrative, started_by, started_at, finished_at, busy_millis, failure, lease_owner"
      + " FROM cfpb_import";

  private final JdbcClient jdbc;

  CfpbImportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String id, String content, int layout, int rows, int batchSize, long shiftWeeks, String startedBy,
      OffsetDateTime startedAt) {
    jdbc.sql("INSERT INTO cfpb_import (id, status, content, layout, rows_total, processed, batch_size, created,"
            + " already_imported, merged, rejected, without_narrative, shift_weeks, started_by, started_at, busy_millis)"
            + " VALUES (?, 'RUNNING', ?, ?, ?, 0, ?, 0, 0, 0, 0, 0, ?, ?, ?, 0)")
        .params(id, content, layout, rows, batchSize, shiftWeeks, startedBy, startedAt)
        .update();
  }

  /** Running imports no node holds (never taken, released, or their holder's lease ran out), oldest first. */
  List<String> claimable(OffsetDateTime now) {
    return jdbc.sql("SELECT id FROM cfpb_import WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ?)"
            + " ORDER BY started_at")
        .param(now)
        .query(String.class)
        .list();
  }

  /** Takes the import for {@code node} if no one holds it: one node wins, however many try at once. */
  boolean claim(String id, String node, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql("UPDATE cfpb_import SET lease_owner = ?, lease_until = ?"
            + " WHERE id = ? AND status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ?)")
        .params(node, until, id, now)
        .update() == 1;
  }

  Optional<Work> work(String id) {
    return jdbc.sql("SELECT id, content, batch_size, shift_weeks, started_by FROM cfpb_import WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Work(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5)))
        .optional();
  }

  /** The first rows of the batches committed so far. */
  java.util.Set<Integer> committedBatches(String id) {
    return new java.util.HashSet<>(jdbc.sql("SELECT first_row FROM cfpb_import_batch WHERE import_id = ?")
        .param(id).query(Integer.class).list());
  }

  /**
   * A batch's outcome, in the batch's transaction: false (and nothing written) when {@code node} no longer
   * holds the import, so the caller rolls the batch back. A batch another runner recorded already fails on
   * its key (DuplicateKeyException), rolling this one back too.
   */
  boolean recordBatch(String id, String node, int from, int to, CfpbImportTally tally, long busyMillis,
      OffsetDateTime leaseUntil, OffsetDateTime finishedAt) {
    int updated = jdbc.sql("UPDATE cfpb_import SET processed = processed + :rows, created = created + :created,"
            + " already_imported = already_imported + :already, merged = merged + :merged,"
            + " rejected = rejected + :rejected, without_narrative = without_narrative + :withoutNarrative,"
            + " busy_millis = busy_millis + :busy,"
            + " status = CASE WHEN processed + :rows >= rows_total THEN 'DONE' ELSE status END,"
            + " finished_at = CASE WHEN processed + :rows >= rows_total THEN :finishedAt ELSE finished_at END,"
            + " lease_owner = CASE WHEN processed + :rows >= rows_total THEN NULL ELSE lease_owner END,"
            + " lease_until = CASE WHEN processed + :rows >= rows_total THEN NULL ELSE :leaseUntil END"
            + " WHERE id = :id AND lease_owner = :node AND status = 'RUNNING'")
        .param("rows", to - from).param("created", tally.created).param("already", tally.alreadyImported)
        .param("merged", tally.merged).param("rejected", tally.rejected())
        .param("withoutNarrative", tally.withoutNarrative).param("busy", busyMillis).param("leaseUntil", leaseUntil)
        .param("finishedAt", finishedAt).param("id", id).param("node", node)
        .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("INSERT INTO cfpb_import_batch (import_id, first_row) VALUES (?, ?)").params(id, from).update();
    insertProblems(id, "ERROR", tally.errors);
    insertProblems(id, "WARNING", tally.warnings);
    return true;
  }

  private void insertProblems(String id, String kind, List<RowProblem> problems) {
    for (RowProblem p : problems) {
      jdbc.sql("INSERT INTO cfpb_import_problem (import_id, kind, row_no, line_no, complaint_id, field, message)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(id, kind, p.row(), p.line(), cut(p.complaintId(), 100), cut(p.field(), 100), cut(p.message(), 2000))
          .update();
    }
  }

  /** Lets another node (or this one after its restart) continue at once, as a node does when it stops. */
  void release(String id, String node) {
    jdbc.sql("UPDATE cfpb_import SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
        .params(id, node)
        .update();
  }

  /** An import that cannot continue at all (its stored file no longer reads): said, not retried forever. */
  void fail(String id, String node, String failure, OffsetDateTime at) {
    jdbc.sql("UPDATE cfpb_import SET status = 'FAILED', failure = ?, finished_at = ?, lease_owner = NULL,"
            + " lease_until = NULL WHERE id = ? AND lease_owner = ?")
        .params(cut(failure, 2000), at, id, node)
        .update();
  }

  Optional<Progress> progress(String id) {
    return jdbc.sql(PROGRESS + " WHERE id = ?").param(id).query(CfpbImportRepository::progress).optional();
  }

  /** The running imports and those finished since {@code since}, newest first. */
  List<Progress> recent(OffsetDateTime since) {
    return jdbc.sql(PROGRESS + " WHERE status = 'RUNNING' OR finished_at >= ? ORDER BY started_at DESC")
        .param(since)
        .query(CfpbImportRepository::progress)
        .list();
  }

  List<RowProblem> problems(String id, String kind) {
    return jdbc.sql("SELECT row_no, line_no, complaint_id, field, message FROM cfpb_import_problem"
            + " WHERE import_id = ? AND kind = ? ORDER BY row_no")
        .params(id, kind)
        .query((rs, n) -> new RowProblem(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .list();
  }

  private static Progress progress(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
    return new Progress(rs.getString("id"), Status.valueOf(rs.getString("status")), rs.getInt("layout"),
        rs.getInt("rows_total"), rs.getInt("processed"), rs.getInt("created"), rs.getInt("already_imported"),
        rs.getInt("merged"), rs.getInt("rejected"), rs.getInt("without_narrative"), rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
        rs.getLong("busy_millis"), rs.getString("failure"), rs.getString("lease_owner"));
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
