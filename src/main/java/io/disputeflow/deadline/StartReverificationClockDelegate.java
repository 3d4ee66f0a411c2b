package io.disputeflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_start_reverification_clock: re-verification (核查) has its own clock from the customer's request. */
@Component
class StartReverificationClockDelegate implements JavaDelegate {

  private final ClockStart clock;

  StartReverificationClockDelegate(ClockStart clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.startReverification(execution);
  }
}
