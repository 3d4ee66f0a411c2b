package io.disputeflow.process;

/** processes/resolution.bpmn: decision, four-eyes approval, letter, the customer's answer. */
public final class ResolutionProcess {
  public static final String KEY = "resolution";

  public static final String USER_PROPOSE_RESOLUTION = "user_propose_resolution";
  public static final String RULE_DETERMINE_APPROVAL_AUTHORITY = "rule_determine_approval_authority";
  public static final String USER_APPROVE_COMPENSATION = "user_approve_compensation";
  public static final String SERVICE_ISSUE_DECISION_LETTER = "service_issue_decision_letter";
  public static final String EVENT_AWAIT_CUSTOMER_RESPONSE = "event_await_customer_response";
  public static final String TIMER_CONTEST_WINDOW_CLOSED = "timer_contest_window_closed";
  public static final String CALL_REVERIFICATION = "call_reverification";
  public static final String END_DECISION_ACCEPTED = "end_decision_accepted";
  public static final String END_ACCEPTED_BY_SILENCE = "end_accepted_by_silence";
  public static final String END_REVERIFICATION_DECIDED = "end_reverification_decided";

  public static final String MESSAGE_CUSTOMER_RESPONSE = "customer-response";
  public static final String MESSAGE_REVERIFICATION_REQUEST = "reverification-request";

  /** Result of the compensation-authority decision when no approval is needed. */
  public static final String NO_APPROVAL = "none";

  private ResolutionProcess() {}
}
