package io.disputeflow.complaint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The redress_payment table; writes join the engine's transaction. */
@Repository
public class RedressRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  RedressRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public void owe(String number, BigDecimal amount, String currency, OffsetDateTime dueAt, OffsetDateTime now) {
    jdbc.sql("INSERT INTO redress_payment (complaint_number, amount, currency, due_at, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(number, amount, currency, dueAt, Redress.DUE, now)
        .update();
    events.publishEvent(new ComplaintChanged(number));
  }

  public void paid(String number, String account, String reference, String paidBy, OffsetDateTime paidAt) {
    update(number, "status = ?, account = ?, reference = ?, paid_by = ?, paid_at = ?, attempts = attempts + 1",
        Redress.PAID, account, reference, paidBy, paidAt);
  }

  public void failed(String number, String account, String failure) {
    update(number, "status = ?, account = ?, last_failure = ?, attempts = attempts + 1", Redress.FAILED, account,
        failure);
  }

  /** The coordinator's corrected account for the next attempt. */
  public void retry(String number, String account) {
    update(number, "status = ?, account = ?", Redress.DUE, account);
  }

  public Optional<Redress> find(String number) {
    return jdbc.sql("SELECT amount, currency, due_at, status, account, attempts, last_failure, paid_at, reference,"
            + " paid_by FROM redress_payment WHERE complaint_number = ?")
        .param(number)
        .query((rs, row) -> {
          OffsetDateTime dueAt = rs.getObject("due_at", OffsetDateTime.class);
          OffsetDateTime paidAt = rs.getObject("paid_at", OffsetDateTime.class);
          return new Redress(rs.getBigDecimal("amount"), rs.getString("currency"), dueAt, rs.getString("status"),
              rs.getString("account"), rs.getInt("attempts"), rs.getString("last_failure"), paidAt,
              rs.getString("reference"), rs.getString("paid_by"), paidAt == null ? null : !paidAt.isAfter(dueAt));
        })
        .optional();
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
