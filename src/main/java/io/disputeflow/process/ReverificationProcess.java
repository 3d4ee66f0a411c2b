package io.disputeflow.process;

/** processes/reverification.bpmn: the head of consumer protection re-verifies (核查) a contested decision. */
public final class ReverificationProcess {
  public static final String KEY = "reverification";

  public static final String USER_DECIDE_REVERIFICATION = "user_decide_reverification";
  public static final String SERVICE_ISSUE_REVERIFICATION_DECISION = "service_issue_reverification_decision";
  public static final String END_REVERIFICATION_COMPLETED = "end_reverification_completed";

  private ReverificationProcess() {}
}
