package io.disputeflow.tasklist;

import io.disputeflow.process.ProcessVariable;
import java.util.List;

/**
 * Task-local variables that forms and Tasklist columns show instead of raw values: dates in the
 * bank's time zone (Tasklist would show a Date variable in the browser's zone) and the clock's
 * state as a label. Kept current by {@link DescribeTaskListener}.
 */
public final class TaskDisplay {

  public static final ProcessVariable<String> RECEIVED_AT_TEXT = ProcessVariable.string("receivedAtText");
  public static final ProcessVariable<String> DECISION_DUE_AT_TEXT = ProcessVariable.string("decisionDueAtText");
  public static final ProcessVariable<String> DECISION_WARNING_AT_TEXT =
      ProcessVariable.string("decisionWarningAtText");
  public static final ProcessVariable<String> REVIEW_DUE_AT_TEXT = ProcessVariable.string("reviewDueAtText");
  public static final ProcessVariable<String> LEGAL_DUE_AT_TEXT = ProcessVariable.string("legalDueAtText");
  public static final ProcessVariable<String> REVERIFICATION_DUE_AT_TEXT =
      ProcessVariable.string("reverificationDueAtText");
  public static final ProcessVariable<String> CLOCK_STATE_TEXT = ProcessVariable.string("clockStateText");
  /** The complaint's regime, its code and what it is called (deadline/Regime). */
  public static final ProcessVariable<String> REGIME_TEXT = ProcessVariable.string("regimeText");
  /** Until when a UK complaint may close with a summary resolution (FCA DISP 1.5); absent once passed. */
  public static final ProcessVariable<String> SUMMARY_RESOLUTION_UNTIL_TEXT =
      ProcessVariable.string("summaryResolutionUntilText");
  public static final ProcessVariable<String> REDRESS_DUE_AT_TEXT = ProcessVariable.string("redressDueAtText");

  /** Every display variable: the form-field test knows them as supplied by the engine. */
  public static final List<ProcessVariable<String>> ALL = List.of(RECEIVED_AT_TEXT, DECISION_DUE_AT_TEXT,
      DECISION_WARNING_AT_TEXT, REVIEW_DUE_AT_TEXT, LEGAL_DUE_AT_TEXT, REVERIFICATION_DUE_AT_TEXT, CLOCK_STATE_TEXT,
      REGIME_TEXT, SUMMARY_RESOLUTION_UNTIL_TEXT, REDRESS_DUE_AT_TEXT);

  private TaskDisplay() {}
}
