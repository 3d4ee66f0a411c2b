package io.disputeflow.process;

/** processes/intake.bpmn: classify, set deadlines, acknowledge, answer an inquiry at first contact. */
public final class IntakeProcess {
  public static final String KEY = "intake";

  public static final String SERVICE_CLASSIFY_COMPLAINT = "service_classify_complaint";
  public static final String SERVICE_SET_DEADLINES = "service_set_deadlines";
  public static final String ERROR_DEADLINE_MODEL_FAULT = "error_deadline_model_fault";
  public static final String ERROR_CLASSIFICATION_MODEL_FAULT = "error_classification_model_fault";
  public static final String SERVICE_CLASSIFY_ONCE_MODEL_FIXED = "service_classify_once_model_fixed";
  public static final String XOR_MODEL_FAULT_CAUGHT = "xor_model_fault_caught";
  public static final String SERVICE_SET_DEADLINES_ONCE_MODEL_FIXED = "service_set_deadlines_once_model_fixed";
  public static final String SERVICE_SEND_ACKNOWLEDGEMENT = "service_send_acknowledgement";
  public static final String USER_ANSWER_INQUIRY = "user_answer_inquiry";
  public static final String SERVICE_SEND_INQUIRY_ANSWER = "service_send_inquiry_answer";
  public static final String END_INQUIRY_ANSWERED = "end_inquiry_answered";
  public static final String TIMER_INQUIRY_OVERDUE = "timer_inquiry_overdue";
  public static final String SERVICE_RECORD_INQUIRY_BREACH = "service_record_inquiry_breach";
  public static final String END_COMPLAINT_REGISTERED = "end_complaint_registered";

  private IntakeProcess() {}
}
