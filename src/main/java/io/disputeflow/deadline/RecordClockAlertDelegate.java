package io.disputeflow.deadline;

import io.disputeflow.process.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the alert named by the task's input parameter {@code alert} (a {@link ClockAlert}) for
 * the people it concerns, and marks the case's open tasks in Tasklist (priority, clock state).
 */
@Component
class RecordClockAlertDelegate implements JavaDelegate {

  @TaskInput(ClockAlert.class)
  static final String ALERT = "alert";

  private final ClockAlertRaiser clock;

  RecordClockAlertDelegate(ClockAlertRaiser clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object alert = execution.getVariableLocal(ALERT);
    if (alert == null) {
      throw new IllegalStateException("Task " + execution.getCurrentActivityId() + " names no alert");
    }
    clock.raise(execution, ClockAlert.valueOf(alert.toString()));
  }
}
