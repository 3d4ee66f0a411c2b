package io.disputeflow.intake;

import io.disputeflow.intake.IntakeResult.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who registered a complaint in Tasklist: on the complaint, or on the submission an open case took in. */
@Repository
class Registrations {

  private final JdbcClient jdbc;

  Registrations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void recordRegisteredBy(String complaintNumber, Outcome outcome, String user) {
    if (outcome == Outcome.CREATED) {
      jdbc.sql("UPDATE complaint SET registered_by = ? WHERE complaint_number = ?").params(user, complaintNumber)
          .update();
    } else if (outcome == Outcome.MERGED_INTO_OPEN_CASE) {
      jdbc.sql("UPDATE complaint_submission SET registered_by = ? WHERE id = (SELECT MAX(id) FROM complaint_submission"
          + " WHERE complaint_number = ?)").params(user, complaintNumber).update();
    }
  }
}
