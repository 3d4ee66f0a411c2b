package io.disputeflow.process;

/**
 * processes/complaint-reopening.bpmn: a coordinator or supervisor reopens a closed case in Tasklist. It goes
 * through the same checks as the API (reopening/Reopenings) in the start's own transaction; the case then
 * works through complaint-handling again (its message start "complaint-reopened") with a new decision period.
 */
public final class ReopeningProcess {
  public static final String KEY = "complaint-reopening";

  public static final String START_REOPENING_REQUESTED = "start_reopening_requested";
  public static final String SERVICE_REOPEN_COMPLAINT = "service_reopen_complaint";
  public static final String USER_SEE_REOPENING = "user_see_reopening";
  public static final String END_REOPENING_DONE = "end_reopening_done";

  /** NEW_FACTS, LATE_CONTEST or EXTERNAL_FINDING. */
  public static final ProcessVariable<String> REOPENING_GROUND = ProcessVariable.string("reopeningGround");
  public static final ProcessVariable<String> REOPENING_REASON = ProcessVariable.string("reopeningReason");
  /** The new decision deadline, as the form shows it to who reopened the case. */
  public static final ProcessVariable<String> REOPENED_DUE_TEXT = ProcessVariable.string("reopenedDueText");

  private ReopeningProcess() {}
}
