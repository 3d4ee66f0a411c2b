package io.disputeflow.correspondence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Queues letters in the transaction of the step that causes them (an outbox): if the step rolls
 * back, so does its letter. Rendering and delivery by e-mail read the queue.
 */
@Service
public class LetterService {

  public static final String QUEUED = "QUEUED";

  private final JdbcClient jdbc;
  private final Clock clock;

  LetterService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void queue(String complaintNumber, LetterType type) {
    int rows = jdbc.sql("INSERT INTO letter (complaint_number, letter_type, language, recipient, status, created_at)"
            + " SELECT complaint_number, ?, preferred_language, customer_email, ?, ? FROM complaint"
            + " WHERE complaint_number = ?")
        .params(type.name(), QUEUED, OffsetDateTime.now(clock), complaintNumber)
        .update();
    if (rows != 1) {
      throw new IllegalStateException("No complaint " + complaintNumber + " to write a " + type + " letter for");
    }
  }

  public List<Letter> lettersOf(String complaintNumber) {
    return jdbc.sql("SELECT id, complaint_number, letter_type, language, recipient, status, created_at FROM letter"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new Letter(rs.getLong("id"), rs.getString("complaint_number"),
            LetterType.valueOf(rs.getString("letter_type")), rs.getString("language"), rs.getString("recipient"),
            rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }
}
