package io.disputeflow.process;

/** processes/complaint-handling.bpmn: the six stages as call activities. */
public final class ComplaintHandlingProcess {
  public static final String KEY = "complaint-handling";

  public static final String CALL_INTAKE = "call_intake";
  public static final String CALL_INVESTIGATION = "call_investigation";
  public static final String CALL_DEPARTMENT_REVIEW = "call_department_review";
  public static final String CALL_LEGAL_CONSULTATION = "call_legal_consultation";
  public static final String CALL_RESOLUTION = "call_resolution";
  public static final String CALL_FEEDBACK = "call_feedback";
  public static final String SERVICE_CLOSE_INQUIRY = "service_close_inquiry";
  public static final String SERVICE_CLOSE_COMPLAINT = "service_close_complaint";
  public static final String END_INQUIRY_ANSWERED = "end_inquiry_answered";
  public static final String END_COMPLAINT_CLOSED = "end_complaint_closed";

  private ComplaintHandlingProcess() {}
}
