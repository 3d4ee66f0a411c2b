package io.disputeflow.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaint_reopening table; writes join the engine's transaction. */
@Repository
public class ReopeningRepository {

  private final JdbcClient jdbc;

  ReopeningRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps the closed life's decision and closing with the reopening (the complaint record is reset next). */
  public void insert(ComplaintRecord closed, Reopening.Ground ground, String reason, String reopenedBy,
      OffsetDateTime reopenedAt) {
    jdbc.sql("INSERT INTO complaint_reopening (complaint_number, ground, reason, reopened_by, reopened_at,"
            + " previous_closed_at, previous_decision, previous_compensation, previous_decided_at,"
            + " previous_decision_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(closed.complaintNumber(), ground.name(), reason, reopenedBy, reopenedAt, closed.closedAt(),
            closed.decision(), closed.compensationAmount(), closed.decidedAt(), closed.decisionDueAt())
        .update();
  }

  /** Every reopening of the case, oldest first. */
  public List<Reopening> of(String number) {
    return jdbc.sql("SELECT id, ground, reason, reopened_by, reopened_at, previous_closed_at, previous_decision,"
            + " previous_compensation, previous_decided_at, previous_decision_due_at FROM complaint_reopening"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(number)
        .query((rs, row) -> new Reopening(rs.getLong("id"), Reopening.Ground.valueOf(rs.getString("ground")),
            rs.getString("reason"), rs.getString("reopened_by"), rs.getObject("reopened_at", OffsetDateTime.class),
            rs.getObject("previous_closed_at", OffsetDateTime.class), rs.getString("previous_decision"),
            rs.getBigDecimal("previous_compensation"), rs.getObject("previous_decided_at", OffsetDateTime.class),
            rs.getObject("previous_decision_due_at", OffsetDateTime.class)))
        .list();
  }
}
