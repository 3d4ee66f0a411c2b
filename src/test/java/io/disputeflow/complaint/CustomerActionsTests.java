package io.disputeflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a customer's answer end its transaction in the database, so that the answer is refused as a
 * conflict (409) without reading the case again in it: seen in the cluster test, two nodes taking the answers
 * to one case deadlocked on PostgreSQL, and reading again answered 500.
 */
class CustomerActionsTests {

  @Test
  void shouldTakeADeadlockOrAnAbortedTransactionAsEnded() {
    assertThat(CustomerActions.endedByTheDatabase(new ProcessEngineException("flush failed",
        new PersistenceException(new SQLException("deadlock detected", "40P01"))))).isTrue();
    assertThat(CustomerActions.endedByTheDatabase(new ProcessEngineException("select failed",
        new SQLException("current transaction is aborted", "25P02")))).isTrue();
    assertThat(CustomerActions.endedByTheDatabase(new ProcessEngineException("could not serialize",
        new SQLException("could not serialize access", "40001")))).isTrue();
  }

  @Test
  void shouldLeaveOtherFailuresToReadTheCaseAgain() {
    assertThat(CustomerActions.endedByTheDatabase(new ProcessEngineException(
        "Execution with id 'x' does not have a subscription to a message event with name 'customer-response'")))
        .isFalse();
    assertThat(CustomerActions.endedByTheDatabase(new ProcessEngineException("insert failed",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
  }
}
