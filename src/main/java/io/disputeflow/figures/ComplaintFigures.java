package io.disputeflow.figures;

import io.disputeflow.complaint.ComplaintChanged;
import io.disputeflow.time.BankTime;
import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the daily figures in step with the complaints: it recounts each complaint a transaction changed,
 * once, just before that transaction commits (a case step writes its complaint several times), compares
 * with what it was counted as before (report_complaint_counted) and inserts the difference into
 * report_figure_change, all in the transaction of the change. The complaint's row is locked first, so
 * two changes of one complaint (on any node) count one after the other; different complaints never
 * wait for each other, as the changes are inserts, never updates of a shared counter.
 */
@Service
public class ComplaintFigures {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ZoneId zone;

  ComplaintFigures(JdbcClient jdbc, JdbcTemplate batch, BankTime bankTime) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.zone = bankTime.zone();
  }

  /**
   * Notes the complaint for a recount before the transaction commits; without a transaction (or once
   * the recount before commit has run) recounts it at once.
   */
  @EventListener
  void on(ComplaintChanged change) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      recount(List.of(change.complaintNumber()));
      return;
    }
    RecountBeforeCommit pending = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(RecountBeforeCommit.class::isInstance).map(RecountBeforeCommit.class::cast).findFirst()
        .orElseGet(() -> {
          RecountBeforeCommit registered = new RecountBeforeCommit();
          TransactionSynchronizationManager.registerSynchronization(registered);
          return registered;
        });
    if (pending.done) {
      recount(List.of(change.complaintNumber()));
    } else {
      pending.numbers.add(change.complaintNumber());
    }
  }

  /**
   * The complaints a transaction changed, recounted once each before it commits. It lives among the
   * transaction's synchronizations, so a transaction suspended for an inner one keeps its own.
   */
  private final class RecountBeforeCommit implements TransactionSynchronization {

    private final Set<String> numbers = new LinkedHashSet<>();
    private boolean done;

    @Override
    public void beforeCommit(boolean readOnly) {
      done = true;
      recount(List.copyOf(numbers));
    }
  }

  /**
   * Recounts these complaints (one transaction; joins the caller's). A complaint counted for the first
   * time also recounts the same customer's complaints received in the 12 months after it, whose repeat
   * flag it may turn (only when complaints arrive out of the order of their receipt).
   */
  @Transactional
  public void recount(List<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    List<String> sorted = List.copyOf(new TreeSet<>(numbers));
    // the same order everywhere, so two transactions locking several complaints cannot deadlock
    jdbc.sql("SELECT complaint_number FROM complaint WHERE complaint_number IN (:numbers) ORDER BY complaint_number"
        + " FOR UPDATE").param("numbers", sorted).query(String.class).list();
    Map<String, ComplaintFacts> now = new HashMap<>();
    Map<String, Customer> customers = new HashMap<>();
    jdbc.sql("SELECT " + ComplaintFacts.COLUMNS + " FROM complaint b LEFT JOIN redress_payment r"
            + " ON r.complaint_number = b.complaint_number WHERE b.complaint_number IN (:numbers)")
        .param("numbers", sorted)
        .query(rs -> {
          String number = rs.getString("complaint_number");
          now.put(number, ComplaintFacts.of(rs, zone));
          if (rs.getString("customer_id") != null) {
            customers.put(number, new Customer(rs.getString("customer_id"),
                rs.getObject("received_at", OffsetDateTime.class)));
          }
        });
    Map<String, String> before = new HashMap<>();
    jdbc.sql("SELECT complaint_number, counted FROM report_complaint_counted WHERE complaint_number IN (:numbers)")
        .param("numbers", sorted)
        .query(rs -> {
          before.put(rs.getString("complaint_number"), rs.getString("counted"));
        });
    Map<FigureKey, Long> changes = new HashMap<>();
    List<String> later = new ArrayList<>();
    for (String number : sorted) {
      String was = before.get(number);
      ComplaintFacts facts = now.get(number);
      String is = facts == null ? null : facts.encode();
      if (was != null && was.equals(is)) {
        continue;
      }
      if (was != null) {
        ComplaintFacts.decode(was).figures().forEach((key, amount) -> changes.merge(key, -amount, Long::sum));
      }
      if (facts != null) {
        facts.figures().forEach((key, amount) -> changes.merge(key, amount, Long::sum));
      }
      store(number, was, is);
      if (was == null && customers.containsKey(number)) {
        later.addAll(laterOfTheSameCustomer(customers.get(number)));
      }
    }
    insert(changes);
    later.removeAll(sorted);
    if (!later.isEmpty()) {
      recount(later);
    }
  }

  private List<String> laterOfTheSameCustomer(Customer customer) {
    return jdbc.sql("SELECT complaint_number FROM complaint WHERE customer_id = ? AND received_at > ?"
            + " AND received_at <= ?")
        .params(customer.id(), customer.receivedAt(), customer.receivedAt().plusMonths(12))
        .query(String.class).list();
  }

  private record Customer(String id, OffsetDateTime receivedAt) {}

  private void store(String number, String was, String is) {
    if (is == null) {
      jdbc.sql("DELETE FROM report_complaint_counted WHERE complaint_number = ?").param(number).update();
    } else if (was == null) {
      jdbc.sql("INSERT INTO report_complaint_counted (complaint_number, counted) VALUES (?, ?)").params(number, is)
          .update();
    } else {
      jdbc.sql("UPDATE report_complaint_counted SET counted = ? WHERE complaint_number = ?").params(is, number)
          .update();
    }
  }

  private void insert(Map<FigureKey, Long> changes) {
    List<Object[]> rows = changes.entrySet().stream().filter(c -> c.getValue() != 0)
        .map(c -> new Object[] {c.getKey().dimension(), Date.valueOf(c.getKey().day()), c.getKey().group(),
            c.getKey().measure(), c.getValue()})
        .toList();
    if (!rows.isEmpty()) {
      batch.batchUpdate("INSERT INTO report_figure_change (dimension, figure_day, grp, measure, amount)"
          + " VALUES (?, ?, ?, ?, ?)", rows);
    }
  }
}
