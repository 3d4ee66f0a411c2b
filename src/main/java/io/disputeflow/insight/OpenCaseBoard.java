package io.disputeflow.insight;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * GET /api/reports/open-cases: the cases open now (status OPEN or AWAITING_CUSTOMER) by age band, stage,
 * clock state and group, with the overdue ones and those due within the next 7 days (each list the
 * {@link #LISTED} most urgent, its total in the counts).
 */
record OpenCaseBoard(OffsetDateTime asOf, ReportGrouping groupBy, long open, Map<String, Long> byAgeBand,
    Map<String, Long> byStage, Map<String, Long> byClockState, List<Group> byGroup, long overdue,
    List<OpenCase> overdueCases, long dueThisWeek, List<OpenCase> dueThisWeekCases) {

  static final int LISTED = 100;

  /** Age from receipt, in days: the bands, youngest first. */
  static final List<String> AGE_BANDS = List.of("0-3", "4-7", "8-15", "16-30", "31-60", "over 60");

  record Group(String group, String label, long cases, long overdue) {}

  /** {@code daysOverdue} whole days past the decision deadline, 0 if not yet due. */
  record OpenCase(String complaintNumber, OffsetDateTime receivedAt, OffsetDateTime decisionDueAt, String stage,
      String clockState, String category, String product, String departments, String regime, long daysOverdue) {}
}
