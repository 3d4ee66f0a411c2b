package io.disputeflow.investigation;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DEPARTMENTS;
import static io.disputeflow.process.ComplaintVariables.DEPARTMENT_NAMES;
import static io.disputeflow.process.ComplaintVariables.INVESTIGATION_FINDINGS;
import static io.disputeflow.process.ComplaintVariables.LEGAL_NEEDED;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Department;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_investigation: the coordinator's findings and confirmed departments go on file. */
@Component
class RecordInvestigationDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;

  RecordInvestigationDelegate(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> departments = DEPARTMENTS.get(execution);
    if (departments.isEmpty()) {
      throw new IllegalStateException("An investigation must confirm at least one department");
    }
    boolean legalNeeded = Boolean.TRUE.equals(LEGAL_NEEDED.get(execution));
    // normalise what the form's checklist submitted, so every later step reads one type
    DEPARTMENTS.set(execution, departments);
    LEGAL_NEEDED.set(execution, legalNeeded);
    DEPARTMENT_NAMES.set(execution, departments.stream().map(Department::labelOf).collect(Collectors.joining(", ")));
    complaints.updateInvestigation(COMPLAINT_NUMBER.get(execution), INVESTIGATION_FINDINGS.get(execution),
        departments, legalNeeded);
  }
}
