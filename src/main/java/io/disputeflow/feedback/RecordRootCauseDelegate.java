package io.disputeflow.feedback;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.ROOT_CAUSE;
import static io.disputeflow.process.ComplaintVariables.ROOT_CAUSE_DEPARTMENT;
import static io.disputeflow.process.ComplaintVariables.SYSTEMIC_CAUSE;

import io.disputeflow.complaint.ComplaintRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_root_cause: the root cause and owning department go on file for policy improvement. */
@Component
class RecordRootCauseDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;

  RecordRootCauseDelegate(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.updateRootCause(COMPLAINT_NUMBER.get(execution), ROOT_CAUSE.get(execution),
        ROOT_CAUSE_DEPARTMENT.get(execution), Boolean.TRUE.equals(SYSTEMIC_CAUSE.get(execution)));
  }
}
