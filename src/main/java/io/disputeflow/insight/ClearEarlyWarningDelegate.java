package io.disputeflow.insight;

import static io.disputeflow.process.EarlyWarningProcess.ACTIONS_TAKEN;
import static io.disputeflow.process.EarlyWarningProcess.ASSESSMENT;
import static io.disputeflow.process.EarlyWarningProcess.COMPLETED_BY;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_clear_early_warning: the supervisor's assessment goes on file and the alert is resolved. */
@Component
class ClearEarlyWarningDelegate implements JavaDelegate {

  private final EarlyWarningRepository repository;
  private final Clock clock;

  ClearEarlyWarningDelegate(EarlyWarningRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    repository.resolve(execution.getProcessBusinessKey(), ASSESSMENT.get(execution), ACTIONS_TAKEN.get(execution),
        COMPLETED_BY.get(execution), OffsetDateTime.now(clock));
  }
}
