package io.disputeflow.audit;

import io.disputeflow.audit.CaseRecords.Alert;
import io.disputeflow.audit.CaseRecords.Document;
import io.disputeflow.audit.CaseRecords.Download;
import io.disputeflow.audit.CaseRecords.Extension;
import io.disputeflow.audit.CaseRecords.MergedSubmission;
import io.disputeflow.audit.CaseRecords.Pause;
import io.disputeflow.complaint.ExternalReferralRepository;
import io.disputeflow.complaint.ReopeningRepository;
import io.disputeflow.correspondence.LetterService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what our own tables hold about a case for its timeline ({@link CaseRecords}). */
@Component
class CaseRecordReads {

  private final LetterService letters;
  private final JdbcClient jdbc;
  private final ExternalReferralRepository referrals;
  private final ReopeningRepository reopenings;

  CaseRecordReads(LetterService letters, JdbcClient jdbc, ExternalReferralRepository referrals,
      ReopeningRepository reopenings) {
    this.letters = letters;
    this.jdbc = jdbc;
    this.referrals = referrals;
    this.reopenings = reopenings;
  }

  CaseRecords of(String complaintNumber) {
    return new CaseRecords(letters.lettersOf(complaintNumber), submissions(complaintNumber),
        extensions(complaintNumber), pauses(complaintNumber), alerts(complaintNumber), documents(complaintNumber),
        downloads(complaintNumber), withdrawals(complaintNumber), representatives(complaintNumber),
        referrals.of(complaintNumber), reopenings.of(complaintNumber));
  }

  private List<MergedSubmission> submissions(String complaintNumber) {
    return jdbc.sql("SELECT id, channel, external_reference, received_at, narrative, new_facts, previous_due_at,"
            + " restarted_due_at FROM complaint_submission WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new MergedSubmission(rs.getLong("id"), rs.getString("channel"),
            rs.getString("external_reference"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
            rs.getString("narrative"), (Boolean) rs.getObject("new_facts", Boolean.class),
            instant(rs, "previous_due_at"), instant(rs, "restarted_due_at")))
        .list();
  }

  private List<Extension> extensions(String complaintNumber) {
    return jdbc.sql("SELECT id, step, reason, requested_by, requested_at, outcome, decided_by, decided_at, comment,"
            + " previous_due_at, new_due_at FROM deadline_extension WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new Extension(rs.getLong("id"), rs.getInt("step"), rs.getString("reason"),
            rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("outcome"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("comment"),
            instant(rs, "previous_due_at"), instant(rs, "new_due_at")))
        .list();
  }

  private List<Pause> pauses(String complaintNumber) {
    return jdbc.sql("SELECT id, reason, paused_by, paused_at, resumed_by, resumed_at, paused_seconds FROM clock_pause"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new Pause(rs.getLong("id"), rs.getString("reason"), rs.getString("paused_by"),
            instant(rs, "paused_at"), rs.getString("resumed_by"), instant(rs, "resumed_at"),
            rs.getObject("paused_seconds", Long.class)))
        .list();
  }

  private List<CaseRecords.Withdrawal> withdrawals(String complaintNumber) {
    return jdbc.sql("SELECT id, reason, withdrawn_by, withdrawn_at, stage, ended_tasks FROM complaint_withdrawal"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new CaseRecords.Withdrawal(rs.getLong("id"), rs.getString("reason"),
            rs.getString("withdrawn_by"), instant(rs, "withdrawn_at"), rs.getString("stage"),
            rs.getString("ended_tasks")))
        .list();
  }

  private List<CaseRecords.Representative> representatives(String complaintNumber) {
    return jdbc.sql("SELECT id, name, relation, phone, email, address, authority_document_id, recorded_by, recorded_at"
            + " FROM complaint_representative WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new CaseRecords.Representative(rs.getLong("id"), rs.getString("name"),
            rs.getString("relation"), contactGiven(rs.getString("phone"), rs.getString("email"), rs.getString("address")),
            rs.getObject("authority_document_id", Long.class), rs.getString("recorded_by"), instant(rs, "recorded_at")))
        .list();
  }

  /** "phone, email": which ways to reach the representative were given (not their values). */
  private static String contactGiven(String phone, String email, String address) {
    List<String> given = new java.util.ArrayList<>();
    if (phone != null) {
      given.add("phone");
    }
    if (email != null) {
      given.add("email");
    }
    if (address != null) {
      given.add("address");
    }
    return String.join(", ", given);
  }

  private List<Alert> alerts(String complaintNumber) {
    return jdbc.sql("SELECT id, alert, recipients, due_at, raised_at FROM clock_alert WHERE complaint_number = ?"
            + " ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new Alert(rs.getLong("id"), rs.getString("alert"), rs.getString("recipients"),
            instant(rs, "due_at"), instant(rs, "raised_at")))
        .list();
  }

  /** Evidence documents: what was added (not the bytes: their SHA-256 stands for them) and who opened it. */
  private List<Document> documents(String complaintNumber) {
    return jdbc.sql("SELECT id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at"
            + " FROM evidence_document WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new Document(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
        .list();
  }

  private List<Download> downloads(String complaintNumber) {
    return jdbc.sql("SELECT w.id, w.document_id, d.file_name, w.downloaded_by, w.via, w.downloaded_at"
            + " FROM evidence_download w JOIN evidence_document d ON d.id = w.document_id"
            + " WHERE w.complaint_number = ? ORDER BY w.id")
        .param(complaintNumber)
        .query((rs, row) -> new Download(rs.getLong("id"), rs.getLong("document_id"), rs.getString("file_name"),
            rs.getString("downloaded_by"), rs.getString("via"), instant(rs, "downloaded_at")))
        .list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
