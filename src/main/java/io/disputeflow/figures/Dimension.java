package io.disputeflow.figures;

/**
 * The dimensions the daily figures are kept by. The first six hold the summary's measures by the day of
 * receipt; the REGIME ones hold the regulatory returns' measures by the day each event happened, per
 * regime and then per the regime's product, category or channel (group "regime|value").
 */
public enum Dimension {
  TOTAL,
  CATEGORY,
  CHANNEL,
  PRODUCT,
  /** The departments involved: a complaint reviewed by two departments counts in both. */
  DEPARTMENT,
  REGIME,
  RETURN_REGIME,
  RETURN_PRODUCT,
  RETURN_CATEGORY,
  RETURN_CHANNEL;

  /** The group of the total: the summary's total row and the regime returns' totals. */
  public static final String ALL = "TOTAL";
  /** The separator between the regime and the value in the groups of the RETURN_ dimensions. */
  public static final String SEPARATOR = "|";
}
