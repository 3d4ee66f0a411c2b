package io.disputeflow.review;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DEPARTMENT_REVIEW_SUMMARY;

import io.disputeflow.complaint.Department;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_summarise_department_reviews: one readable text of every department's findings for the resolution. */
@Component
class SummariseDepartmentReviewsDelegate implements JavaDelegate {

  private final DepartmentReviewRepository reviews;

  SummariseDepartmentReviewsDelegate(DepartmentReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String summary = reviews.findingsOf(COMPLAINT_NUMBER.get(execution)).stream()
        .map(r -> Department.labelOf(r.department()) + " — " + recommendationLabel(r.recommendation()) + ": " + r.findings())
        .collect(Collectors.joining("\n"));
    DEPARTMENT_REVIEW_SUMMARY.set(execution, summary.length() > 3_990 ? summary.substring(0, 3_989) + "…" : summary);
  }

  /** The form's option label, so coordinators read the recommendation as they chose it. */
  static String recommendationLabel(String recommendation) {
    return switch (recommendation) {
      case "UPHOLD" -> "Uphold / 支持客户诉求";
      case "PARTLY_UPHOLD" -> "Partly uphold / 部分支持";
      case "REJECT" -> "Reject / 不予支持";
      default -> recommendation;
    };
  }
}
