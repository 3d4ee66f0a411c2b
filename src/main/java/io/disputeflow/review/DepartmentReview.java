package io.disputeflow.review;

import io.disputeflow.process.ComplaintVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collection of the department-review multi-instance:
 * {@code ${departmentReview.departmentsOf(execution)}} gives one group id per review.
 */
@Component("departmentReview")
public class DepartmentReview {

  public List<String> departmentsOf(DelegateExecution execution) {
    List<String> departments = ComplaintVariables.DEPARTMENTS.get(execution);
    if (departments.isEmpty()) {
      throw new IllegalStateException("No department to review complaint " + execution.getBusinessKey());
    }
    return departments;
  }
}
