package io.disputeflow.process;

import java.util.Date;

/**
 * processes/early-warning.bpmn (智能预警): a supervisor reviews a significant spike in intake and
 * records what it was; completing the review clears the alert. Business key {@code EW-<id>}.
 */
public final class EarlyWarningProcess {
  public static final String KEY = "early-warning";

  public static final String START_EARLY_WARNING_RAISED = "start_early_warning_raised";
  public static final String USER_REVIEW_EARLY_WARNING = "user_review_early_warning";
  public static final String SERVICE_CLEAR_EARLY_WARNING = "service_clear_early_warning";
  public static final String END_EARLY_WARNING_CLEARED = "end_early_warning_cleared";

  public static final ProcessVariable<Long> WARNING_ID = ProcessVariable.integer("warningId");
  /** CATEGORY or PRODUCT. */
  public static final ProcessVariable<String> WARNING_DIMENSION = ProcessVariable.string("warningDimension");
  public static final ProcessVariable<String> WARNING_VALUE = ProcessVariable.string("warningValue");
  public static final ProcessVariable<String> WARNING_LABEL = ProcessVariable.string("warningLabel");
  public static final ProcessVariable<Long> OBSERVED_COUNT = ProcessVariable.integer("observedCount");
  /** The baseline's expected count for the window, rounded to one decimal for the form. */
  public static final ProcessVariable<String> EXPECTED_COUNT = ProcessVariable.string("expectedCount");
  public static final ProcessVariable<Date> WINDOW_START = ProcessVariable.date("windowStart");
  public static final ProcessVariable<Date> WINDOW_END = ProcessVariable.date("windowEnd");
  public static final ProcessVariable<Date> RESPOND_BY = ProcessVariable.date("respondBy");
  /** INCIDENT, EXPECTED_VARIATION, DATA_ISSUE or OTHER. */
  public static final ProcessVariable<String> ASSESSMENT = ProcessVariable.string("assessment");
  public static final ProcessVariable<String> ACTIONS_TAKEN = ProcessVariable.string("actionsTaken");
  public static final ProcessVariable<String> COMPLETED_BY = PolicyImprovementProcess.COMPLETED_BY;

  private EarlyWarningProcess() {}
}
