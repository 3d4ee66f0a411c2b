package io.disputeflow.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The periods of one row of deadline-policy.dmn ({@link LegalPeriod} notation), each counted from
 * the event it names; the extensions are the whole period from receipt once extended, as the rules
 * state them (CN "延长至30日", UK "within 35 business days", US "within 45 days"). Only
 * {@code decideWithin} is required: a row may leave out what its regime does not use (no
 * extension, no re-verification, no survey); internal targets then default to the decision's.
 */
public record DeadlinePolicy(
    String decideWithin,
    String extendedTo,
    String furtherExtendedTo,
    String warnBefore,
    String departmentReviewWithin,
    String legalOpinionWithin,
    String contestWithin,
    String reverificationWithin,
    String surveyWithin,
    /** Regulation Z: the written acknowledgement of a billing-error notice, counted from receipt. */
    String acknowledgeWithin,
    /** Regulation E: the result reported to the customer, counted from the decision. */
    String reportResultWithin) {

  public static final List<String> OUTPUTS = List.of("decideWithin", "extendedTo", "furtherExtendedTo",
      "warnBefore", "departmentReviewWithin", "legalOpinionWithin", "contestWithin", "reverificationWithin",
      "surveyWithin", "acknowledgeWithin", "reportResultWithin");

  /**
   * Reads a row by output name and checks every period the clock will use; fails naming each output
   * at fault, so a model that cannot work is refused at deployment ({@code modeling}) rather than at intake.
   */
  public static DeadlinePolicy of(Function<String, Object> row) {
    List<String> problems = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String output : OUTPUTS) {
      Object value = row.apply(output);
      String text = value == null || value.toString().isBlank() ? null : value.toString().trim();
      values.add(text);
      if (text == null) {
        if (output.equals("decideWithin")) {
          problems.add("decideWithin is missing");
        }
        continue;
      }
      try {
        LegalPeriod period = LegalPeriod.parse(text);
        if (output.equals("warnBefore") && period.kind() == LegalPeriod.Kind.BUSINESS_DAYS) {
          problems.add("warnBefore " + text + ": a warning is given calendar days (P3D) or hours (PT4H) before");
        }
        if ((output.equals("departmentReviewWithin") || output.equals("legalOpinionWithin"))
            && period.kind() == LegalPeriod.Kind.CALENDAR && !text.matches("P\\d+D")) {
          problems.add(output + " " + text + ": internal targets are whole working days (P5D) or under a day (PT30S)");
        }
      } catch (IllegalArgumentException e) {
        problems.add(output + " " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new DeadlinePolicy(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
        values.get(5), values.get(6), values.get(7), values.get(8), values.get(9), values.get(10));
  }
}
