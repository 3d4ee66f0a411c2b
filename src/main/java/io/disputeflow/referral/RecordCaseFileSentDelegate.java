package io.disputeflow.referral;

import static io.disputeflow.process.ExternalReferralProcess.CASE_FILE_NOTES;
import static io.disputeflow.process.ExternalReferralProcess.EXTERNAL_REFERRAL_ID;

import io.disputeflow.complaint.ExternalReferralRepository;
import io.disputeflow.engine.EngineUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_record_case_file_sent: the coordinator sent the case file (the timeline export and the documents);
 * recorded in the transaction of the task's completion, so in the name of who completed it.
 */
@Component
class RecordCaseFileSentDelegate implements JavaDelegate {

  private final ExternalReferralRepository referrals;
  private final Clock clock;

  RecordCaseFileSentDelegate(ExternalReferralRepository referrals, Clock clock) {
    this.referrals = referrals;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = EngineUser.id(execution.getProcessEngineServices().getIdentityService());
    String notes = CASE_FILE_NOTES.get(execution);
    referrals.caseFileSent(EXTERNAL_REFERRAL_ID.get(execution), user,
        OffsetDateTime.now(clock), notes == null || notes.isBlank() ? null : notes.strip());
  }
}
