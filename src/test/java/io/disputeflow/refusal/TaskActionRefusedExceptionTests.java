package io.disputeflow.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TaskActionRefusedExceptionTests {

  @Test
  void shouldFindTheRefusalWhereTheEngineAndTheRestApiWrappedIt() {
    TaskActionRefusedException refusal = new TaskActionRefusedException("Four eyes", HttpStatus.CONFLICT);
    RuntimeException wrapped = new RuntimeException("Cannot complete task",
        new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener", refusal));

    assertThat(TaskActionRefusedException.in(wrapped)).containsSame(refusal);
    assertThat(TaskActionRefusedException.in(refusal)).containsSame(refusal);
    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void shouldFindNoneInAnotherFailure() {
    assertThat(TaskActionRefusedException.in(new ProcessEngineException("ENGINE-01009 Optimistic locking"))).isEmpty();
    assertThat(TaskActionRefusedException.in(null)).isEmpty();
  }
}
