package io.disputeflow.insight;

import static io.disputeflow.process.PolicyImprovementProcess.DEPARTMENT;
import static io.disputeflow.process.PolicyImprovementProcess.FIXED_AT;
import static io.disputeflow.process.PolicyImprovementProcess.RECURRENCE_BEFORE_FIX;
import static io.disputeflow.process.PolicyImprovementProcess.RECURRENCE_SINCE_FIX;
import static io.disputeflow.process.PolicyImprovementProcess.ROOT_CAUSE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_measure_recurrence: evidence for the verifier — complaints closed with the same root cause
 * and department since the fix, against the same length of time before it.
 */
@Component
class MeasureRecurrenceDelegate implements JavaDelegate {

  private final PolicyImprovementRepository improvements;
  private final Clock clock;

  MeasureRecurrenceDelegate(PolicyImprovementRepository improvements, Clock clock) {
    this.improvements = improvements;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime fixedAt = FIXED_AT.get(execution).toInstant().atOffset(ZoneOffset.UTC);
    String department = DEPARTMENT.get(execution);
    String rootCause = ROOT_CAUSE.get(execution);
    Recurrence recurrence = Recurrence.around(fixedAt, now,
        (after, upTo) -> improvements.closedWithRootCause(department, rootCause, after, upTo).size());
    RECURRENCE_BEFORE_FIX.set(execution, recurrence.before());
    RECURRENCE_SINCE_FIX.set(execution, recurrence.since());
  }
}
