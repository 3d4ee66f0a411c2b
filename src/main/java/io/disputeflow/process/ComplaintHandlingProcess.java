package io.disputeflow.process;

/** processes/complaint-handling.bpmn: the six stages as call activities, and the decision clock. */
public final class ComplaintHandlingProcess {
  public static final String KEY = "complaint-handling";

  public static final String CALL_INTAKE = "call_intake";
  public static final String CALL_INVESTIGATION = "call_investigation";
  public static final String CALL_DEPARTMENT_REVIEW = "call_department_review";
  public static final String CALL_LEGAL_CONSULTATION = "call_legal_consultation";
  public static final String CALL_RESOLUTION = "call_resolution";
  public static final String CALL_REDRESS_PAYMENT = "call_redress_payment";
  public static final String CALL_FEEDBACK = "call_feedback";
  public static final String SERVICE_CLOSE_INQUIRY = "service_close_inquiry";
  public static final String SERVICE_CLOSE_COMPLAINT = "service_close_complaint";
  public static final String END_INQUIRY_ANSWERED = "end_inquiry_answered";
  public static final String END_COMPLAINT_CLOSED = "end_complaint_closed";

  public static final String MESSAGE_EXTENSION_REQUEST = "extension-request";
  public static final String MESSAGE_CLOCK_PAUSE = "clock-pause";
  public static final String MESSAGE_CLOCK_RESUME = "clock-resume";
  public static final String MESSAGE_COMPLAINT_WITHDRAWAL = "complaint-withdrawal";
  /** Starts the next life of a closed case that was reopened (reopening/Reopenings). */
  public static final String MESSAGE_COMPLAINT_REOPENED = "complaint-reopened";
  public static final String START_COMPLAINT_REOPENED = "start_complaint_reopened";
  public static final String START_COMPLAINT_WITHDRAWN = "start_complaint_withdrawn";
  public static final String SERVICE_RECORD_WITHDRAWAL = "service_record_withdrawal";
  public static final String END_COMPLAINT_WITHDRAWN = "end_complaint_withdrawn";
  public static final String PAR_START_DECISION_CLOCK = "par_start_decision_clock";
  public static final String EVT_AWAIT_CLOCK = "evt_await_clock";
  public static final String XOR_CLOCK_MERGE = "xor_clock_merge";
  public static final String TIMER_NEXT_CLOCK_ALERT = "timer_next_clock_alert";
  public static final String SERVICE_WARN_DECISION_DUE = "service_warn_decision_due";
  public static final String SERVICE_RECORD_DECISION_BREACH = "service_record_decision_breach";
  public static final String SERVICE_RECORD_ACKNOWLEDGEMENT_BREACH = "service_record_acknowledgement_breach";
  public static final String SERVICE_RECORD_RESULT_REPORT_BREACH = "service_record_result_report_breach";
  public static final String USER_HANDLE_OVERDUE_COMPLAINT = "user_handle_overdue_complaint";
  public static final String END_CLOCK_STOPPED = "end_clock_stopped";
  public static final String END_BREACH_HANDLED = "end_breach_handled";
  public static final String MESSAGE_CLOCK_PAUSED = "message_clock_paused";
  public static final String MESSAGE_CLOCK_RESUMED = "message_clock_resumed";
  public static final String SERVICE_PAUSE_CLOCK = "service_pause_clock";
  public static final String SERVICE_RESUME_CLOCK = "service_resume_clock";
  public static final String USER_APPROVE_EXTENSION = "user_approve_extension";
  public static final String SERVICE_EXTEND_DECISION_DEADLINE = "service_extend_decision_deadline";
  public static final String SERVICE_RECORD_EXTENSION_REFUSAL = "service_record_extension_refusal";
  public static final String END_DEADLINE_EXTENDED = "end_deadline_extended";
  public static final String END_EXTENSION_REFUSED = "end_extension_refused";
  public static final String END_EXTENSION_NOT_POSSIBLE = "end_extension_not_possible";
  public static final String ESCALATION_REVIEW_OVERDUE = "escalation_review_overdue";
  public static final String USER_CHASE_DEPARTMENT_REVIEW = "user_chase_department_review";
  public static final String END_REVIEW_CHASED = "end_review_chased";
  public static final String ESCALATION_LEGAL_OPINION_OVERDUE = "escalation_legal_opinion_overdue";
  public static final String USER_CHASE_LEGAL_OPINION = "user_chase_legal_opinion";
  public static final String END_LEGAL_OPINION_CHASED = "end_legal_opinion_chased";
  // UK: a summary resolution after the investigation (FCA DISP 1.5), the eight-week letter (DISP 1.6.2R(2))
  public static final String XOR_SUMMARY_RESOLUTION = "xor_summary_resolution";
  public static final String SERVICE_SEND_SUMMARY_RESOLUTION = "service_send_summary_resolution";
  public static final String XOR_EIGHT_WEEK_LETTER_RULE = "xor_eight_week_letter_rule";
  public static final String TIMER_EIGHT_WEEKS_ENDING = "timer_eight_weeks_ending";
  public static final String SERVICE_SEND_EIGHT_WEEK_LETTER = "service_send_eight_week_letter";
  public static final String END_EIGHT_WEEK_LETTER_SENT = "end_eight_week_letter_sent";
  public static final String END_FINAL_RESPONSE_IN_TIME = "end_final_response_in_time";
  public static final String END_NO_EIGHT_WEEK_LETTER = "end_no_eight_week_letter";

  private ComplaintHandlingProcess() {}
}
