package io.disputeflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_pause_clock: the clock stops for an external appraisal; the customer is told. */
@Component
class PauseClockDelegate implements JavaDelegate {

  private final ClockPause clock;

  PauseClockDelegate(ClockPause clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.pause(execution);
  }
}
