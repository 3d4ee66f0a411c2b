package io.disputeflow.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaint_representative table: rows are only added, the latest is the case's representative, so
 * every recording and change stays on file (and in the timeline). Writes join the caller's transaction.
 */
@Repository
public class RepresentativeRepository {

  private static final String COLUMNS =
      "id, name, relation, phone, email, address, authority_document_id, recorded_by, recorded_at";

  private final JdbcClient jdbc;

  RepresentativeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String number, Representative representative) {
    jdbc.sql("INSERT INTO complaint_representative (complaint_number, name, relation, phone, email, address,"
            + " authority_document_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(number, representative.name(), representative.relation(), representative.phone(),
            representative.email(), representative.address(), representative.authorityDocumentId(),
            representative.recordedBy(), representative.recordedAt())
        .update();
  }

  /** Every representative recorded for the case with its row id, oldest first (the timeline places each). */
  public List<Recorded> of(String number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM complaint_representative WHERE complaint_number = ? ORDER BY id")
        .param(number)
        .query((rs, row) -> new Recorded(rs.getLong("id"), new Representative(rs.getString("name"),
            rs.getString("relation"), rs.getString("phone"), rs.getString("email"), rs.getString("address"),
            (Long) rs.getObject("authority_document_id", Long.class), rs.getString("recorded_by"),
            rs.getObject("recorded_at", OffsetDateTime.class))))
        .list();
  }

  public Optional<Representative> current(String number) {
    List<Recorded> all = of(number);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).representative());
  }

  /** Whether the case has an evidence document with this id (an authority must be one of the case's own). */
  public boolean hasDocument(String number, long documentId) {
    return jdbc.sql("SELECT COUNT(*) FROM evidence_document WHERE complaint_number = ? AND id = ?")
        .params(number, documentId).query(Long.class).single() > 0;
  }

  public record Recorded(long id, Representative representative) {}
}
