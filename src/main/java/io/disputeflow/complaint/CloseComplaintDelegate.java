package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_close_complaint / service_close_inquiry: the case is closed in the record. */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;

  CloseComplaintDelegate(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.close(COMPLAINT_NUMBER.get(execution));
  }
}
