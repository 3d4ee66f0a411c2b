package io.disputeflow.evidence;

import io.disputeflow.time.BankTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The evidence_document table (the bytes, once) and evidence_download (who opened which, when). */
@Repository
class EvidenceRepository {

  private static final String COLUMNS = "id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;
  private final BankTime bankTime;

  EvidenceRepository(JdbcClient jdbc, BankTime bankTime) {
    this.jdbc = jdbc;
    this.bankTime = bankTime;
  }

  long insert(String complaintNumber, String fileName, EvidenceType type, byte[] content, String sha256,
      String uploadedBy, Instant uploadedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO evidence_document (complaint_number, file_name, content_type, size_bytes, sha256, content,"
            + " uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(complaintNumber, fileName, type.contentType(), (long) content.length, sha256, content, uploadedBy,
            uploadedAt.atOffset(ZoneOffset.UTC))
        .update(key, "id");
    return key.getKey().longValue();
  }

  int count(String complaintNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM evidence_document WHERE complaint_number = ?")
        .param(complaintNumber).query(Integer.class).single();
  }

  List<EvidenceDocument> list(String complaintNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_document WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber).query(this::document).list();
  }

  Optional<EvidenceDocument> find(String complaintNumber, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_document WHERE complaint_number = ? AND id = ?")
        .params(complaintNumber, id).query(this::document).optional();
  }

  byte[] content(long id) {
    return jdbc.sql("SELECT content FROM evidence_document WHERE id = ?").param(id)
        .query((rs, row) -> rs.getBytes("content")).single();
  }

  void recordDownload(String complaintNumber, long documentId, String user, String via, Instant at) {
    jdbc.sql("INSERT INTO evidence_download (document_id, complaint_number, downloaded_by, via, downloaded_at)"
            + " VALUES (?, ?, ?, ?, ?)")
        .params(documentId, complaintNumber, user, via, at.atOffset(ZoneOffset.UTC))
        .update();
  }

  private EvidenceDocument document(ResultSet rs, int row) throws SQLException {
    return new EvidenceDocument(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        bankTime.inZone(rs.getObject("uploaded_at", OffsetDateTime.class)));
  }
}
