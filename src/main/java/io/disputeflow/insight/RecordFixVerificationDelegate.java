package io.disputeflow.insight;

import static io.disputeflow.process.PolicyImprovementProcess.COMPLETED_BY;
import static io.disputeflow.process.PolicyImprovementProcess.FIX_EFFECTIVE;
import static io.disputeflow.process.PolicyImprovementProcess.VERIFICATION_NOTES;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_verification: the verdict goes on file; an effective fix closes the improvement. */
@Component
class RecordFixVerificationDelegate implements JavaDelegate {

  private final PolicyImprovementRepository improvements;
  private final Clock clock;

  RecordFixVerificationDelegate(PolicyImprovementRepository improvements, Clock clock) {
    this.improvements = improvements;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    improvements.recordVerification(execution.getProcessBusinessKey(), Boolean.TRUE.equals(FIX_EFFECTIVE.get(execution)),
        VERIFICATION_NOTES.get(execution), COMPLETED_BY.get(execution), OffsetDateTime.now(clock));
  }
}
