package io.disputeflow.process;

/** processes/feedback.bpmn: satisfaction survey, follow-up of a low score, root cause. */
public final class FeedbackProcess {
  public static final String KEY = "feedback";

  public static final String SERVICE_SEND_SURVEY_INVITATION = "service_send_survey_invitation";
  public static final String EVENT_AWAIT_SURVEY = "event_await_survey";
  public static final String TIMER_SURVEY_WINDOW_CLOSED = "timer_survey_window_closed";
  public static final String USER_FOLLOW_UP_DISSATISFACTION = "user_follow_up_dissatisfaction";
  public static final String USER_RECORD_ROOT_CAUSE = "user_record_root_cause";
  public static final String SERVICE_RECORD_ROOT_CAUSE = "service_record_root_cause";
  public static final String END_FEEDBACK_COMPLETED = "end_feedback_completed";

  public static final String MESSAGE_SURVEY_RESPONSE = "survey-response";

  private FeedbackProcess() {}
}
