package io.disputeflow.feedback;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.ROOT_CAUSE;
import static io.disputeflow.process.ComplaintVariables.ROOT_CAUSE_DEPARTMENT;
import static io.disputeflow.process.ComplaintVariables.SYSTEMIC_CAUSE;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Department;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_record_root_cause: the root cause and owning department go on file for policy improvement.
 * Only values of the managed taxonomy are accepted, whichever client completed the task.
 */
@Component
class RecordRootCauseDelegate implements JavaDelegate {

  private final ComplaintRepository complaints;

  RecordRootCauseDelegate(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RootCause cause = RootCause.of(ROOT_CAUSE.get(execution)).orElseThrow(() -> new IllegalArgumentException(
        "rootCause must be one of " + Arrays.toString(RootCause.values())));
    Department department = Department.ofGroup(ROOT_CAUSE_DEPARTMENT.get(execution))
        .orElseThrow(() -> new IllegalArgumentException("rootCauseDepartment must be a department group such as "
            + Department.CARDS.groupId()));
    complaints.updateRootCause(COMPLAINT_NUMBER.get(execution), cause.name(), department.groupId(),
        Boolean.TRUE.equals(SYSTEMIC_CAUSE.get(execution)));
  }
}
