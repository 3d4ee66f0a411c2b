package io.disputeflow.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The letter table, an outbox. Every change of a letter being delivered is a compare-and-set on
 * its status and attempt count, so of two nodes that pick the same letter only one gets it, and a
 * node whose claim has run out cannot overwrite what the next one did.
 */
@Repository
class LetterRepository {

  private static final String COLUMNS = "id, letter_type, language, recipient, status, attempts, last_error,"
      + " next_attempt_at, sent_at, message_id, created_at, delivered_at, addressee";

  /** A letter the dispatcher may try now, with the attempt count it was seen with. */
  record DueLetter(long id, String complaintNumber, String language, String recipient, String subject, String body,
      int attempts) {}

  private final JdbcClient jdbc;

  LetterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String complaintNumber, LetterType type, String language, String recipient, LetterStatus status,
      RenderedLetter content, OffsetDateTime now) {
    return insert(complaintNumber, type, language, recipient, status, content, now, Letter.CUSTOMER);
  }

  long insert(String complaintNumber, LetterType type, String language, String recipient, LetterStatus status,
      RenderedLetter content, OffsetDateTime now, String addressee) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO letter (complaint_number, letter_type, language, recipient, status, subject, body,"
            + " attempts, next_attempt_at, created_at, addressee) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
        .params(complaintNumber, type.name(), language, recipient, status.name(), content.subject(), content.body(),
            status == LetterStatus.QUEUED ? now : null, now, addressee)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  List<DueLetter> due(OffsetDateTime now, int limit) {
    return jdbc.sql("SELECT id, complaint_number, language, recipient, subject, body, attempts FROM letter"
            + " WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ? ORDER BY next_attempt_at, id"
            + " FETCH FIRST ? ROWS ONLY")
        .params(now, limit)
        .query((rs, row) -> new DueLetter(rs.getLong("id"), rs.getString("complaint_number"),
            rs.getString("language"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            rs.getInt("attempts")))
        .list();
  }

  /** Takes a due letter for one attempt until {@code claimUntil}; false when another node was first. */
  boolean claim(DueLetter letter, OffsetDateTime now, OffsetDateTime claimUntil) {
    return jdbc.sql("UPDATE letter SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = ?"
            + " WHERE id = ? AND attempts = ? AND status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ?")
        .params(claimUntil, letter.id(), letter.attempts(), now)
        .update() == 1;
  }

  boolean markSent(long id, int attempt, OffsetDateTime sentAt, String messageId) {
    return jdbc.sql("UPDATE letter SET status = 'SENT', sent_at = ?, message_id = ?, next_attempt_at = NULL,"
            + " last_error = NULL WHERE id = ? AND status = 'SENDING' AND attempts = ?")
        .params(sentAt, messageId, id, attempt)
        .update() == 1;
  }

  /** After a failed attempt: QUEUED again from {@code nextAttemptAt}, or FAILED when that is null. */
  boolean markAttemptFailed(long id, int attempt, String error, OffsetDateTime nextAttemptAt) {
    LetterStatus status = nextAttemptAt == null ? LetterStatus.FAILED : LetterStatus.QUEUED;
    return jdbc.sql("UPDATE letter SET status = ?, last_error = ?, next_attempt_at = ?"
            + " WHERE id = ? AND status = 'SENDING' AND attempts = ?")
        .params(status.name(), error, nextAttemptAt, id, attempt)
        .update() == 1;
  }

  /** Records a printed letter's delivery; false unless the letter is one to print (status PRINT). */
  boolean recordDelivery(String complaintNumber, long id, OffsetDateTime deliveredAt, String recordedBy) {
    return jdbc.sql("UPDATE letter SET delivered_at = ?, delivery_recorded_by = ?"
            + " WHERE id = ? AND complaint_number = ? AND status = 'PRINT'")
        .params(deliveredAt, recordedBy, id, complaintNumber)
        .update() == 1;
  }

  /** A FAILED letter with content gets a fresh set of attempts from now; false for any other letter. */
  boolean requeueFailed(String complaintNumber, long id, OffsetDateTime now) {
    return jdbc.sql("UPDATE letter SET status = 'QUEUED', attempts = 0, next_attempt_at = ?"
            + " WHERE id = ? AND complaint_number = ? AND status = 'FAILED' AND body IS NOT NULL")
        .params(now, id, complaintNumber)
        .update() == 1;
  }

  /** As {@link #requeueFailed}, to a new recipient. */
  boolean requeueFailedTo(String complaintNumber, long id, String recipient, OffsetDateTime now) {
    return jdbc.sql("UPDATE letter SET status = 'QUEUED', attempts = 0, next_attempt_at = ?, recipient = ?"
            + " WHERE id = ? AND complaint_number = ? AND status = 'FAILED' AND body IS NOT NULL")
        .params(now, recipient, id, complaintNumber)
        .update() == 1;
  }

  /** A FAILED letter is to be printed and posted; false for any other letter. */
  boolean printFailed(String complaintNumber, long id) {
    return jdbc.sql("UPDATE letter SET status = 'PRINT', next_attempt_at = NULL"
            + " WHERE id = ? AND complaint_number = ? AND status = 'FAILED'")
        .params(id, complaintNumber)
        .update() == 1;
  }

  List<Letter> lettersOf(String complaintNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM letter WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query(LetterRepository::map)
        .list();
  }

  Optional<LetterCopy> find(String complaintNumber, long id) {
    return jdbc.sql("SELECT " + COLUMNS + ", subject, body FROM letter WHERE complaint_number = ? AND id = ?")
        .params(complaintNumber, id)
        .query((rs, row) -> new LetterCopy(map(rs, row), rs.getString("subject"), rs.getString("body")))
        .optional();
  }

  private static Letter map(ResultSet rs, int row) throws SQLException {
    return new Letter(
        rs.getLong("id"),
        LetterType.valueOf(rs.getString("letter_type")),
        rs.getString("language"),
        rs.getString("recipient"),
        LetterStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("next_attempt_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class),
        rs.getString("message_id"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("delivered_at", OffsetDateTime.class),
        rs.getString("addressee"));
  }
}
