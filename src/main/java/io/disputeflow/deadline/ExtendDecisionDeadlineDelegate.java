package io.disputeflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_extend_decision_deadline: the approved extension moves the decision deadline, its warning, the open tasks and timers, and tells the customer. */
@Component
class ExtendDecisionDeadlineDelegate implements JavaDelegate {

  private final DeadlineExtension clock;

  ExtendDecisionDeadlineDelegate(DeadlineExtension clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.extend(execution);
  }
}
