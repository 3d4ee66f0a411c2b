package io.disputeflow.legal;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.LEGAL_OPINION;
import static io.disputeflow.process.ComplaintVariables.LEGAL_RISK;

import io.disputeflow.complaint.ComplaintRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_legal_opinion: legal counsel's opinion and risk go on file. */
@Component
class RecordLegalOpinionDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;

  RecordLegalOpinionDelegate(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.updateLegalOpinion(COMPLAINT_NUMBER.get(execution),
        "[" + LEGAL_RISK.get(execution) + "] " + LEGAL_OPINION.get(execution));
  }
}
