package io.disputeflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_resume_clock: the paused time is added to every due date of the case. */
@Component
class ResumeClockDelegate implements JavaDelegate {

  private final ClockPause clock;

  ResumeClockDelegate(ClockPause clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.resume(execution);
  }
}
