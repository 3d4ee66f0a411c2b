package io.disputeflow.insight;

import static io.disputeflow.process.PolicyImprovementProcess.ACTION_PLAN;
import static io.disputeflow.process.PolicyImprovementProcess.ANALYSIS;
import static io.disputeflow.process.PolicyImprovementProcess.COMPLETED_BY;
import static io.disputeflow.process.PolicyImprovementProcess.FIXED_AT;
import static io.disputeflow.process.PolicyImprovementProcess.FIX_DESCRIPTION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_fix: the analysis, the plan and the fix go on file; the verification period starts now. */
@Component
class RecordPolicyFixDelegate implements JavaDelegate {

  private final PolicyImprovementRepository improvements;
  private final Clock clock;

  RecordPolicyFixDelegate(PolicyImprovementRepository improvements, Clock clock) {
    this.improvements = improvements;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    improvements.recordFix(execution.getProcessBusinessKey(), ANALYSIS.get(execution), ACTION_PLAN.get(execution),
        FIX_DESCRIPTION.get(execution), COMPLETED_BY.get(execution), now);
    FIXED_AT.set(execution, Date.from(now.toInstant()));
  }
}
