package io.disputeflow.insight;

import io.disputeflow.complaint.Department;
import io.disputeflow.complaint.Stage;
import io.disputeflow.deadline.ClockState;
import io.disputeflow.insight.OpenCaseBoard.Group;
import io.disputeflow.insight.OpenCaseBoard.OpenCase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open cases, read from the open rows only (status OPEN and AWAITING_CUSTOMER, a range of
 * ix_complaint_open_clock): the board costs the same with a million closed cases as with none.
 */
@Repository
class OpenCaseRepository {

  private static final String OPEN = " FROM complaint b WHERE b.status IN ('OPEN', 'AWAITING_CUSTOMER')";
  /** deadline.ClockState#of in SQL, as operations.OperationsReadings counts it; NONE without a clock. */
  private static final String CLOCK_STATE = "CASE WHEN b.decision_due_at IS NULL THEN 'NONE'"
      + " WHEN b.decided_at IS NOT NULL THEN 'STOPPED'"
      + " WHEN b.clock_paused_since IS NOT NULL THEN 'PAUSED'"
      + " WHEN b.decision_due_at <= :now THEN 'OVERDUE'"
      + " WHEN b.decision_warning_at <= :now THEN 'WARNING'"
      + " ELSE 'ON_TRACK' END";
  private static final String AGE_BAND = "CASE WHEN b.received_at > :age3 THEN '0-3'"
      + " WHEN b.received_at > :age7 THEN '4-7' WHEN b.received_at > :age15 THEN '8-15'"
      + " WHEN b.received_at > :age30 THEN '16-30' WHEN b.received_at > :age60 THEN '31-60' ELSE 'over 60' END";
  /** Undecided, not paused, past the deadline: what the clock shows as OVERDUE. */
  private static final String OVERDUE = " AND b.decided_at IS NULL AND b.clock_paused_since IS NULL"
      + " AND b.decision_due_at <= :now";
  private static final String DUE_THIS_WEEK = " AND b.decided_at IS NULL AND b.clock_paused_since IS NULL"
      + " AND b.decision_due_at > :now AND b.decision_due_at <= :weekAhead";

  private final JdbcClient jdbc;

  OpenCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every count in one pass over the open rows (by stage, clock state, age band, due this week and group),
   * then the two lists, each the first {@value OpenCaseBoard#LISTED} rows in deadline order: three
   * statements, whatever the number of open cases or groups.
   */
  @Transactional(readOnly = true)
  OpenCaseBoard board(ReportGrouping grouping, OffsetDateTime now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("now", now);
    params.put("weekAhead", now.plusDays(7));
    for (int days : new int[] {3, 7, 15, 30, 60}) {
      params.put("age" + days, now.minusDays(days));
    }
    Map<String, Long> byAge = zeros(OpenCaseBoard.AGE_BANDS);
    Map<String, Long> byStage = zeros(Arrays.stream(Stage.values()).filter(stage -> stage != Stage.CLOSED)
        .map(Enum::name).toList());
    Map<String, Long> byClock = zeros(Stream.concat(Arrays.stream(ClockState.values()).map(Enum::name),
        Stream.of("NONE")).toList());
    Map<String, long[]> byGroup = new HashMap<>();
    long[] totals = new long[3]; // open, overdue, due this week
    jdbc.sql("SELECT stage, clock_state, age_band, due_this_week, grp, COUNT(*) AS cases FROM (SELECT b.stage, "
            + CLOCK_STATE + " AS clock_state, " + AGE_BAND + " AS age_band, CASE WHEN b.decided_at IS NULL"
            + " AND b.clock_paused_since IS NULL AND b.decision_due_at > :now AND b.decision_due_at <= :weekAhead"
            + " THEN 1 ELSE 0 END AS due_this_week, " + groupColumn(grouping) + " AS grp" + OPEN
            + ") o GROUP BY stage, clock_state, age_band, due_this_week, grp")
        .params(params)
        .query(rs -> {
          long cases = rs.getLong("cases");
          boolean overdue = "OVERDUE".equals(rs.getString("clock_state"));
          totals[0] += cases;
          totals[1] += overdue ? cases : 0;
          totals[2] += rs.getInt("due_this_week") == 1 ? cases : 0;
          byAge.merge(rs.getString("age_band"), cases, Long::sum);
          byStage.merge(rs.getString("stage"), cases, Long::sum);
          byClock.merge(rs.getString("clock_state"), cases, Long::sum);
          for (String group : groupsOf(grouping, rs.getString("grp"))) {
            long[] counts = byGroup.computeIfAbsent(group, g -> new long[2]);
            counts[0] += cases;
            counts[1] += overdue ? cases : 0;
          }
        });
    List<Group> groups = byGroup.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(g -> -g.getValue()[0])
            .thenComparing(Map.Entry::getKey))
        .map(g -> new Group(g.getKey(), grouping.label(g.getKey()), g.getValue()[0], g.getValue()[1]))
        .toList();
    return new OpenCaseBoard(now, grouping, totals[0], byAge, byStage, byClock, groups,
        totals[1], cases(OVERDUE, params, now), totals[2], cases(DUE_THIS_WEEK, params, now));
  }

  /**
   * The group's column; for the departments the column as stored (a complaint's comma-separated
   * departments), split by {@link #groupsOf}, so a complaint is read once and counts in each of them.
   */
  private static String groupColumn(ReportGrouping grouping) {
    return grouping == ReportGrouping.DEPARTMENT ? "b.departments" : grouping.groupExpression();
  }

  /** The groups a value of {@link #groupColumn} counts in: the known departments it names, or itself. */
  private static Collection<String> groupsOf(ReportGrouping grouping, String value) {
    if (grouping != ReportGrouping.DEPARTMENT) {
      return List.of(value);
    }
    if (value == null) {
      return List.of();
    }
    Set<String> departments = new LinkedHashSet<>();
    for (String department : value.split(",")) {
      Department.ofGroup(department.trim()).ifPresent(known -> departments.add(known.groupId()));
    }
    return departments;
  }

  /** The most urgent first: the earliest deadline. */
  private List<OpenCase> cases(String condition, Map<String, Object> params, OffsetDateTime now) {
    return jdbc.sql("SELECT b.complaint_number, b.received_at, b.decision_due_at, b.stage, " + CLOCK_STATE
            + " AS clock_state, b.category, b.product, b.departments, b.regime" + OPEN + condition
            + " ORDER BY b.decision_due_at, b.complaint_number FETCH FIRST " + OpenCaseBoard.LISTED + " ROWS ONLY")
        .params(params)
        .query((rs, row) -> {
          OffsetDateTime dueAt = rs.getObject("decision_due_at", OffsetDateTime.class);
          long overdue = dueAt.isAfter(now) ? 0 : Duration.between(dueAt, now).toDays();
          return new OpenCase(rs.getString("complaint_number"), rs.getObject("received_at", OffsetDateTime.class),
              dueAt, rs.getString("stage"), rs.getString("clock_state"), rs.getString("category"),
              rs.getString("product"), rs.getString("departments"), rs.getString("regime"), overdue);
        })
        .list();
  }

  private static Map<String, Long> zeros(List<String> keys) {
    Map<String, Long> map = new LinkedHashMap<>();
    keys.forEach(k -> map.put(k, 0L));
    return map;
  }
}
