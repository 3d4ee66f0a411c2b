package io.disputeflow.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaint_withdrawal table; writes join the engine's transaction. */
@Repository
public class WithdrawalRepository {

  private final JdbcClient jdbc;

  WithdrawalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String number, Withdrawal withdrawal) {
    jdbc.sql("INSERT INTO complaint_withdrawal (complaint_number, reason, withdrawn_by, withdrawn_at, stage, ended_tasks)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(number, withdrawal.reason(), withdrawal.withdrawnBy(), withdrawal.withdrawnAt(),
            withdrawal.stage().name(), withdrawal.endedTasks())
        .update();
  }

  /** Every withdrawal of the case with its row id, oldest first (the timeline places each). */
  public List<Recorded> of(String number) {
    return jdbc.sql("SELECT id, reason, withdrawn_by, withdrawn_at, stage, ended_tasks FROM complaint_withdrawal"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(number)
        .query((rs, row) -> new Recorded(rs.getLong("id"), new Withdrawal(rs.getString("reason"),
            rs.getString("withdrawn_by"), rs.getObject("withdrawn_at", OffsetDateTime.class),
            Stage.valueOf(rs.getString("stage")), rs.getString("ended_tasks"))))
        .list();
  }

  public Optional<Withdrawal> latest(String number) {
    List<Recorded> all = of(number);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).withdrawal());
  }

  public record Recorded(long id, Withdrawal withdrawal) {}
}
