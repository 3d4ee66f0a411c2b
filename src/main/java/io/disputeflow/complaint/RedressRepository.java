package io.disputeflow.complaint;

import io.disputeflow.time.BankTime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The redress_payment table (the redress a case's decision grants, one a case) and further_redress_payment
 * (any later one: an outside body's outcome, a reopened case's new decision), the latter by its id; writes
 * join the engine's transaction.
 */
@Repository
public class RedressRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final BankTime bankTime;

  RedressRepository(JdbcClient jdbc, ApplicationEventPublisher events, BankTime bankTime) {
    this.jdbc = jdbc;
    this.events = events;
    this.bankTime = bankTime;
  }

  public void owe(String number, BigDecimal amount, String currency, OffsetDateTime dueAt, OffsetDateTime now) {
    jdbc.sql("INSERT INTO redress_payment (complaint_number, amount, currency, due_at, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(number, amount, currency, dueAt, Redress.DUE, now)
        .update();
    events.publishEvent(new ComplaintChanged(number));
  }

  /** A further redress owed: of an outside referral's outcome ({@code referralId}) or a reopened case's decision. */
  public long oweFurther(String number, Long referralId, BigDecimal amount, String currency, OffsetDateTime dueAt,
      OffsetDateTime now) {
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO further_redress_payment (complaint_number, referral_id, amount, currency, due_at, status,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(number, referralId, amount, currency, dueAt, Redress.DUE, now)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /** {@code furtherId} null: the decision's redress of the case; otherwise that further redress. */
  public void paid(String number, Long furtherId, String account, String reference, String paidBy,
      OffsetDateTime paidAt) {
    update(number, furtherId, "status = ?, account = ?, reference = ?, paid_by = ?, paid_at = ?, attempts = attempts + 1",
        Redress.PAID, account, reference, paidBy, paidAt);
  }

  public void failed(String number, Long furtherId, String account, String failure) {
    update(number, furtherId, "status = ?, account = ?, last_failure = ?, attempts = attempts + 1", Redress.FAILED,
        account, failure);
  }

  public void retry(String number, Long furtherId, String account) {
    update(number, furtherId, "status = ?, account = ?", Redress.DUE, account);
  }

  /** The further redress an outside referral's outcome awarded. */
  public Optional<Redress> ofReferral(long referralId) {
    return jdbc.sql(SELECT + " FROM further_redress_payment WHERE referral_id = ? ORDER BY id DESC")
        .param(referralId).query(this::map).stream().findFirst();
  }

  /** The latest redress of a reopened case's new decision (not a referral's), if any. */
  public Optional<Redress> latestOfReopenedCase(String number) {
    return jdbc.sql(SELECT + " FROM further_redress_payment WHERE complaint_number = ? AND referral_id IS NULL"
            + " ORDER BY id DESC")
        .param(number).query(this::map).stream().findFirst();
  }

  public Optional<Redress> find(String number) {
    return jdbc.sql(SELECT + " FROM redress_payment WHERE complaint_number = ?")
        .param(number)
        .query(this::map)
        .optional();
  }

  private static final String SELECT = "SELECT amount, currency, due_at, status, account, attempts, last_failure,"
      + " paid_at, reference, paid_by";

  /** A payment with its times in the bank's zone, as the API shows them. */
  private Redress map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    OffsetDateTime dueAt = bankTime.inZone(rs.getObject("due_at", OffsetDateTime.class));
    OffsetDateTime paidAt = bankTime.inZone(rs.getObject("paid_at", OffsetDateTime.class));
    return new Redress(rs.getBigDecimal("amount"), rs.getString("currency"), dueAt, rs.getString("status"),
        rs.getString("account"), rs.getInt("attempts"), rs.getString("last_failure"), paidAt,
        rs.getString("reference"), rs.getString("paid_by"), paidAt == null ? null : !paidAt.isAfter(dueAt));
  }

  private void update(String number, Long furtherId, String assignments, Object... values) {
    if (furtherId == null) {
      update(number, assignments, values);
      return;
    }
    Object[] params = new Object[values.length + 2];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = furtherId;
    params[values.length + 1] = number;
    if (jdbc.sql("UPDATE further_redress_payment SET " + assignments + " WHERE id = ? AND complaint_number = ?")
        .params(params).update() != 1) {
      throw new IllegalStateException("No further redress " + furtherId + " owed on complaint " + number);
    }
  }

  private void update(String number, String assignments, Object... values) {
    Object[] params = new Object[values.length + 1];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = number;
    if (jdbc.sql("UPDATE redress_payment SET " + assignments + " WHERE complaint_number = ?").params(params)
        .update() != 1) {
      throw new IllegalStateException("No redress owed on complaint " + number);
    }
    events.publishEvent(new ComplaintChanged(number));
  }
}
