package io.disputeflow.figures;

/**
 * The names of the measures kept (docs/reports.md defines each). Summary measures are counted on the day
 * of receipt; return measures on the day their event happened. A histogram is one measure per value:
 * {@link #DAYS_TO_DECISION} + the whole days from receipt to decision.
 */
public final class Measure {

  // the summary's, by day of receipt, in TOTAL, CATEGORY, CHANNEL, PRODUCT, DEPARTMENT and REGIME
  public static final String RECEIVED = "received";
  public static final String INQUIRIES = "inquiries";
  public static final String DECIDED = "decided";
  public static final String UPHELD = "upheld";
  public static final String WITHDRAWN = "withdrawn";
  public static final String DECIDED_ON_TIME = "on_time";
  public static final String EXTENSIONS_USED = "extensions_used";
  public static final String EXTENDED = "extended";
  public static final String REVERIFICATIONS = "reverifications";
  /** + ORIGINAL_UPHELD or REVISED. */
  public static final String REVERIFICATION_OUTCOME = "rv_";
  public static final String SURVEYED = "surveyed";
  public static final String SATISFACTION_SUM = "satisfaction_sum";
  public static final String IDENTIFIED = "identified";
  public static final String REPEATS = "repeats";
  /** + the root cause. */
  public static final String ROOT_CAUSE = "rc_";
  public static final String REDRESS_OWED = "redress_owed";
  public static final String REDRESS_PAID = "redress_paid";
  public static final String REDRESS_PAID_ON_TIME = "redress_on_time";
  /** + whole days from receipt to decision: a histogram, for the median and the 90th percentile. */
  public static final String DAYS_TO_DECISION = "days_";

  // the returns', by the day of their event, in the RETURN_ dimensions (complaints only, not inquiries)
  /** On the day of receipt. */
  public static final String OPENED = "opened";
  /** On the day of the decision (the final response), and the decision's properties below. */
  public static final String RESOLVED = "resolved";
  public static final String RESOLVED_WITHIN_3_BUSINESS_DAYS = "resolved_3bd";
  public static final String RESOLVED_WITHIN_8_WEEKS = "resolved_8w";
  public static final String RESOLVED_AFTER_8_WEEKS = "resolved_after_8w";
  public static final String RESOLVED_ON_TIME = "resolved_on_time";
  public static final String RESOLVED_EXTENDED = "resolved_extended";
  public static final String RESOLVED_UPHELD = "resolved_upheld";
  public static final String RESOLVED_REVERIFIED = "resolved_reverified";
  public static final String RESOLVED_REVERIFIED_REVISED = "resolved_revised";
  /** On the day the case closed as withdrawn. */
  public static final String CLOSED_WITHDRAWN = "closed_withdrawn";
  /** On the day of payment; the amount in minor units (cents, fen, pence) per currency: + the currency. */
  public static final String REDRESS_PAID_COUNT = "paid_redress";
  public static final String REDRESS_PAID_MINOR = "paid_minor_";

  private Measure() {}
}
