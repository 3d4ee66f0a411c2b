package io.disputeflow.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * GET /api/reports/summary: the figures of the complaints received from {@code from} to {@code to}
 * (whole days in the bank's zone, both included), in total and per group, as of {@code asOf}.
 */
record SummaryReport(LocalDate from, LocalDate to, ReportGrouping groupBy, OffsetDateTime asOf, Figures total,
    List<Figures> groups) {

  /**
   * One row. Rates are shares (0–1), null when nothing counts towards them.
   *
   * @param received every complaint and inquiry received
   * @param inquiries answered at first contact; the decision figures count complaints only
   * @param decided complaints with a decision
   * @param upheld decided upheld or partly upheld; {@code upheldRate} = upheld / decided
   * @param dueByNow decided, or undecided and not withdrawn past their decision deadline, at {@code asOf}
   * @param decidedOnTime decided by their deadline (extensions included); {@code onTimeRate} = on time / due by now
   * @param medianDaysToDecision days from receipt to decision, median of the decided
   * @param p90DaysToDecision ... and 90th percentile
   * @param extensionsUsed deadline extensions granted, in total
   * @param extendedComplaints complaints with at least one extension
   * @param reverificationsRequested decisions contested (核查); {@code reverificationRate} = requested / decided
   * @param reverificationOutcomes decided re-verifications by outcome (ORIGINAL_UPHELD, REVISED)
   * @param surveyed satisfaction answers; {@code meanSatisfaction} their mean score (1–5)
   * @param identifiedCustomers complaints whose customer id is known
   * @param repeatComplaints ... whose customer complained before within 12 months; {@code repeatRate} = repeat / identified
   * @param rootCauses closed complaints by root cause
   * @param withdrawn complaints the customer withdrew (撤回); counted apart, not as decided or late
   * @param redressOwed complaints whose final decision granted compensation to pay
   * @param redressPaid ... paid and recorded by the accounts department
   * @param redressPaidOnTime ... paid by its due date; {@code redressOnTimeRate} = paid on time / (paid, or
   *     unpaid past its due date, at {@code asOf})
   * @param externalReferrals referrals of these complaints to outside bodies (a complaint may have several)
   * @param referralsByBody ... by body (MEDIATION, REGULATOR, OMBUDSMAN, ARBITRATION, COURT)
   * @param referralOutcomes ... concluded, by outcome (SETTLED, UPHELD_FOR_CUSTOMER, REJECTED, WITHDRAWN)
   * @param reopenedComplaints complaints reopened after closing, at least once
   * @param reopenings reopenings in all (a complaint may be reopened more than once)
   */
  record Figures(String group, String label, long received, long inquiries, long decided, long upheld,
      Double upheldRate, long dueByNow, long decidedOnTime, Double onTimeRate, Double medianDaysToDecision,
      Double p90DaysToDecision, long extensionsUsed, long extendedComplaints, long reverificationsRequested,
      Double reverificationRate, Map<String, Long> reverificationOutcomes, long surveyed, Double meanSatisfaction,
      long identifiedCustomers, long repeatComplaints, Double repeatRate, Map<String, Long> rootCauses,
      long withdrawn, long redressOwed, long redressPaid, long redressPaidOnTime, Double redressOnTimeRate,
      long externalReferrals, Map<String, Long> referralsByBody, Map<String, Long> referralOutcomes,
      long reopenedComplaints, long reopenings) {}
}
