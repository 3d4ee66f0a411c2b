package io.disputeflow.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the anchors: the hashes of a case's timeline entries as they were when it closed. */
@Repository
class AuditAnchors {

  record Anchor(String complaintNumber, int entryCount, String headHash, OffsetDateTime anchoredAt,
      OffsetDateTime updatedAt) {}

  record AnchoredEntry(int seq, Instant time, String type, String hash) {}

  private final JdbcClient jdbc;

  AuditAnchors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Anchor> find(String complaintNumber) {
    return jdbc.sql("SELECT complaint_number, entry_count, head_hash, anchored_at, updated_at FROM audit_anchor"
            + " WHERE complaint_number = ?")
        .param(complaintNumber)
        .query((rs, row) -> new Anchor(rs.getString("complaint_number"), rs.getInt("entry_count"),
            rs.getString("head_hash"), rs.getObject("anchored_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class)))
        .optional();
  }

  List<AnchoredEntry> entries(String complaintNumber) {
    return jdbc.sql("SELECT seq, entry_time, entry_type, entry_hash FROM audit_anchor_entry WHERE complaint_number = ?"
            + " ORDER BY seq")
        .param(complaintNumber)
        .query((rs, row) -> new AnchoredEntry(rs.getInt("seq"),
            rs.getObject("entry_time", OffsetDateTime.class).toInstant(), rs.getString("entry_type"),
            rs.getString("entry_hash")))
        .list();
  }

  void create(String complaintNumber, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    jdbc.sql("INSERT INTO audit_anchor (complaint_number, entry_count, head_hash, anchored_at, updated_at)"
            + " VALUES (?, 0, '', ?, ?)")
        .params(complaintNumber, at, at)
        .update();
  }

  /** Appends entries after the anchored ones; the head moves to the last appended hash. */
  void append(String complaintNumber, int expectedCount, List<AnchoredEntry> entries, Instant now) {
    for (AnchoredEntry entry : entries) {
      jdbc.sql("INSERT INTO audit_anchor_entry (complaint_number, seq, entry_time, entry_type, entry_hash)"
              + " VALUES (?, ?, ?, ?, ?)")
          .params(complaintNumber, entry.seq(), entry.time().atOffset(ZoneOffset.UTC), entry.type(), entry.hash())
          .update();
    }
    int rows = jdbc.sql("UPDATE audit_anchor SET entry_count = ?, head_hash = ?, updated_at = ?"
            + " WHERE complaint_number = ? AND entry_count = ?")
        .params(expectedCount + entries.size(), entries.get(entries.size() - 1).hash(), now.atOffset(ZoneOffset.UTC),
            complaintNumber, expectedCount)
        .update();
    if (rows != 1) {
      throw new IllegalStateException("The anchor of " + complaintNumber + " moved while it was extended");
    }
  }
}
