package io.disputeflow.resolution;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.RESOLUTION_OUTCOME;

import io.disputeflow.complaint.ComplaintRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_acceptance_by_silence: no answer within the contest window counts as acceptance. */
@Component
class RecordAcceptanceBySilenceDelegate implements JavaDelegate {

  static final String ACCEPTED_BY_SILENCE = "ACCEPTED_BY_SILENCE";

  private final ComplaintRepository complaints;

  RecordAcceptanceBySilenceDelegate(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RESOLUTION_OUTCOME.set(execution, ACCEPTED_BY_SILENCE);
    complaints.updateResolutionOutcome(COMPLAINT_NUMBER.get(execution), ACCEPTED_BY_SILENCE);
  }
}
