package io.disputeflow.process;

/** processes/reverification.bpmn: the head of consumer protection re-verifies (核查) a contested decision. */
public final class ReverificationProcess {
  public static final String KEY = "reverification";

  public static final String USER_DECIDE_REVERIFICATION = "user_decide_reverification";
  public static final String SERVICE_ISSUE_REVERIFICATION_DECISION = "service_issue_reverification_decision";
  public static final String END_REVERIFICATION_COMPLETED = "end_reverification_completed";

  public static final String SERVICE_START_REVERIFICATION_CLOCK = "service_start_reverification_clock";
  public static final String TIMER_REVERIFICATION_OVERDUE = "timer_reverification_overdue";
  public static final String SERVICE_RECORD_REVERIFICATION_BREACH = "service_record_reverification_breach";
  public static final String USER_HANDLE_OVERDUE_REVERIFICATION = "user_handle_overdue_reverification";
  public static final String END_REVERIFICATION_BREACH_RECORDED = "end_reverification_breach_recorded";

  private ReverificationProcess() {}
}
