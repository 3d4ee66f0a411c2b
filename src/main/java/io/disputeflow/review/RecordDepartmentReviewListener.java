package io.disputeflow.review;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DEPARTMENT;
import static io.disputeflow.process.ComplaintVariables.REVIEW_FINDINGS;
import static io.disputeflow.process.ComplaintVariables.REVIEW_RECOMMENDATION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing user_review_department: the department's findings go on file. The form's values
 * live in the review instance's own scope, so parallel reviews never overwrite each other.
 */
@Component
class RecordDepartmentReviewListener implements TaskListener {

  private final DepartmentReviewRepository reviews;

  RecordDepartmentReviewListener(DepartmentReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    String findings = REVIEW_FINDINGS.get(task);
    String recommendation = REVIEW_RECOMMENDATION.get(task);
    if (findings == null || findings.isBlank() || recommendation == null) {
      throw new IllegalArgumentException("A department review needs findings and a recommendation");
    }
    reviews.insert(COMPLAINT_NUMBER.get(task), DEPARTMENT.get(task), findings, recommendation, task.getAssignee());
  }
}
