package io.disputeflow.process;

import java.math.BigDecimal;

/**
 * processes/decision-clock-action.bpmn: a coordinator or supervisor asks the decision clock of a
 * complaint for an extension, a pause for an external appraisal or a resume, in Tasklist. The action
 * goes through the same checks as the API (deadline/ClockActions) in the start's own transaction;
 * the clock's state after it is shown to who asked.
 */
public final class ClockActionProcess {
  public static final String KEY = "decision-clock-action";

  public static final String START_CLOCK_ACTION_ASKED = "start_clock_action_asked";
  public static final String SERVICE_APPLY_CLOCK_ACTION = "service_apply_clock_action";
  public static final String USER_SEE_CLOCK_STATE = "user_see_clock_state";
  public static final String END_CLOCK_ACTION_DONE = "end_clock_action_done";

  /** REQUEST_EXTENSION, PAUSE, RESUME or PROVISIONAL_CREDIT. */
  public static final ProcessVariable<String> CLOCK_ACTION = ProcessVariable.string("clockAction");
  public static final ProcessVariable<String> CLOCK_ACTION_REASON = ProcessVariable.string("clockActionReason");
  /** Regulation E provisional credit (12 CFR 1005.11(c)(2)(i)): the amount, its currency and the day (yyyy-MM-dd). */
  public static final ProcessVariable<BigDecimal> PROVISIONAL_CREDIT_AMOUNT =
      ProcessVariable.amount("provisionalCreditAmount");
  public static final ProcessVariable<String> PROVISIONAL_CREDIT_CURRENCY =
      ProcessVariable.string("provisionalCreditCurrency");
  public static final ProcessVariable<String> PROVISIONAL_CREDIT_DATE = ProcessVariable.string("provisionalCreditDate");
  /** Whether an extension of the case awaits its approval after the action. */
  public static final ProcessVariable<Boolean> EXTENSION_AWAITING_APPROVAL =
      ProcessVariable.bool("extensionAwaitingApproval");
  public static final ProcessVariable<String> PAUSED_SINCE_TEXT = ProcessVariable.string("pausedSinceText");

  private ClockActionProcess() {}
}
