package io.disputeflow.complaint;

import io.disputeflow.time.BankTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The external_referral table; writes join the engine's transaction. */
@Repository
public class ExternalReferralRepository {

  private static final String COLUMNS = "id, body, organisation, reference, referred_at, response_due_at,"
      + " case_file_due_at, status, registered_by, registered_at, case_file_sent_by, case_file_sent_at,"
      + " case_file_notes, outcome, outcome_by, outcome_at, outcome_notes, further_redress_amount,"
      + " further_redress_currency";

  private final JdbcClient jdbc;
  private final RedressRepository redress;
  private final BankTime bankTime;

  ExternalReferralRepository(JdbcClient jdbc, RedressRepository redress, BankTime bankTime) {
    this.jdbc = jdbc;
    this.redress = redress;
    this.bankTime = bankTime;
  }

  /** Records a referral whose case file is due at {@code caseFileDueAt}; answers its id. */
  public long insert(String number, ExternalReferral.Registration referral, OffsetDateTime caseFileDueAt,
      String registeredBy, OffsetDateTime registeredAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO external_referral (complaint_number, body, organisation, reference, referred_at,"
            + " response_due_at, case_file_due_at, status, registered_by, registered_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(number, referral.body().name(), referral.organisation(), referral.reference(), referral.referredAt(),
            referral.responseDueAt(), caseFileDueAt, ExternalReferral.Status.CASE_FILE_DUE.name(), registeredBy,
            registeredAt)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  public void caseFileSent(long id, String sentBy, OffsetDateTime sentAt, String notes) {
    update(id, "status = ?, case_file_sent_by = ?, case_file_sent_at = ?, case_file_notes = ?",
        ExternalReferral.Status.AWAITING_OUTCOME.name(), sentBy, sentAt, notes);
  }

  public void concluded(long id, ExternalReferral.Outcome outcome, String by, OffsetDateTime at, String notes,
      BigDecimal furtherRedress, String currency) {
    update(id, "status = ?, outcome = ?, outcome_by = ?, outcome_at = ?, outcome_notes = ?,"
            + " further_redress_amount = ?, further_redress_currency = ?",
        ExternalReferral.Status.CONCLUDED.name(), outcome.name(), by, at, notes, furtherRedress,
        furtherRedress == null ? null : currency);
  }

  public Optional<ExternalReferral> find(String number, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM external_referral WHERE id = ? AND complaint_number = ?")
        .params(id, number).query(this::map).optional();
  }

  /** The case's referrals, oldest first, each with the further redress its outcome awarded. */
  public List<ExternalReferral> of(String number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM external_referral WHERE complaint_number = ? ORDER BY id")
        .param(number).query(this::map).list();
  }

  /** A referral with its times in the bank's zone, as the API shows them. */
  private ExternalReferral map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    String outcome = rs.getString("outcome");
    return new ExternalReferral(id, ExternalReferral.Body.valueOf(rs.getString("body")), rs.getString("organisation"),
        rs.getString("reference"), time(rs, "referred_at"), time(rs, "response_due_at"), time(rs, "case_file_due_at"),
        ExternalReferral.Status.valueOf(rs.getString("status")), rs.getString("registered_by"),
        time(rs, "registered_at"), rs.getString("case_file_sent_by"), time(rs, "case_file_sent_at"),
        rs.getString("case_file_notes"), outcome == null ? null : ExternalReferral.Outcome.valueOf(outcome),
        rs.getString("outcome_by"), time(rs, "outcome_at"), rs.getString("outcome_notes"),
        rs.getBigDecimal("further_redress_amount"), rs.getString("further_redress_currency"),
        redress.ofReferral(id).orElse(null));
  }

  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return bankTime.inZone(rs.getObject(column, OffsetDateTime.class));
  }

  private void update(long id, String assignments, Object... values) {
    Object[] params = new Object[values.length + 1];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = id;
    if (jdbc.sql("UPDATE external_referral SET " + assignments + " WHERE id = ?").params(params).update() != 1) {
      throw new IllegalStateException("No external referral " + id);
    }
  }
}
