package io.disputeflow.process;

/** processes/department-review.bpmn: one parallel review per involved department. */
public final class DepartmentReviewProcess {
  public static final String KEY = "department-review";

  public static final String USER_REVIEW_DEPARTMENT = "user_review_department";
  public static final String SERVICE_SUMMARISE_DEPARTMENT_REVIEWS = "service_summarise_department_reviews";
  public static final String END_DEPARTMENT_REVIEW_COMPLETED = "end_department_review_completed";

  public static final String TIMER_REVIEW_OVERDUE = "timer_review_overdue";
  public static final String END_REVIEW_ESCALATED = "end_review_escalated";

  private DepartmentReviewProcess() {}
}
