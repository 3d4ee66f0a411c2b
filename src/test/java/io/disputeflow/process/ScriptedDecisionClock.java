package io.disputeflow.process;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for the decision clock in a bare engine: the test scripts what the clock branch does
 * next. The real clock's arithmetic is tested with the whole application (ClockApiTests).
 */
public final class ScriptedDecisionClock {

  private final Deque<String> steps = new ArrayDeque<>();
  private Date nextAlertAt = RecordingDelegates.daysFromNow(12);
  private boolean canExtend = true;

  /** The next answers of step(), each consumed by the clock service task it leads to. */
  public ScriptedDecisionClock then(String step) {
    steps.add(step);
    return this;
  }

  public void consume() {
    steps.poll();
  }

  public void setCanExtend(boolean canExtend) {
    this.canExtend = canExtend;
  }

  public Date getNextAlertAt() {
    return nextAlertAt;
  }

  public String step(DelegateExecution execution) {
    return steps.isEmpty() ? "WAIT" : steps.peek();
  }

  public Date nextAlertAt(DelegateExecution execution) {
    return nextAlertAt;
  }

  public boolean canExtend(DelegateExecution execution) {
    return canExtend;
  }

  public String extensionApprover(DelegateExecution execution) {
    return "supervisor";
  }
}
