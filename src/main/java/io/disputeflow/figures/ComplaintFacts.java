package io.disputeflow.figures;

import static io.disputeflow.figures.Dimension.ALL;
import static io.disputeflow.figures.Dimension.SEPARATOR;

import io.disputeflow.complaint.Department;
import io.disputeflow.feedback.RootCause;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one complaint counts for in the daily figures, as a compact text kept beside it: its day of
 * receipt, its groups, its summary measures (all on the day of receipt) and its return events (each on
 * its own day). {@link #figures()} spreads them over the dimensions. A new measure or event kind is one
 * more entry here (docs/reports.md says how to recount the complaints counted before it).
 */
record ComplaintFacts(LocalDate receivedDay, Map<Dimension, String> groups, Map<String, Long> measures,
    Map<String, Long> events) {

  /** The columns {@link #of} reads; {@code b} the complaint, {@code r} its redress payment. */
  static final String COLUMNS = "b.complaint_number, b.received_at, b.inquiry_only, b.status, b.category,"
      + " b.channel, b.product, b.departments, b.regime, b.decision, b.decided_at, b.decision_due_at,"
      + " b.extensions_used, b.reverification_due_at, b.reverification_outcome, b.satisfaction_score,"
      + " b.customer_id, b.root_cause, b.closed_at, r.complaint_number AS redress, r.due_at AS redress_due_at,"
      + " r.paid_at AS redress_paid_at, r.amount AS redress_amount, r.currency AS redress_currency,"
      + " CASE WHEN b.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM complaint p"
      + " WHERE p.customer_id = b.customer_id AND p.received_at < b.received_at"
      + " AND p.received_at >= b.received_at - INTERVAL '12' MONTH) THEN 1 ELSE 0 END AS repeat_complaint";

  private static final Set<String> UPHELD = Set.of("UPHOLD", "PARTLY_UPHOLD");
  private static final Set<String> REVERIFICATION_OUTCOMES = Set.of("ORIGINAL_UPHELD", "REVISED");
  private static final Set<String> ROOT_CAUSES = Arrays.stream(RootCause.values()).map(Enum::name)
      .collect(Collectors.toSet());
  private static final Set<String> DEPARTMENTS = Arrays.stream(Department.values()).map(Department::groupId)
      .collect(Collectors.toSet());
  private static final List<Dimension> SUMMARY = List.of(Dimension.TOTAL, Dimension.CATEGORY, Dimension.CHANNEL,
      Dimension.PRODUCT, Dimension.DEPARTMENT, Dimension.REGIME);

  static ComplaintFacts of(ResultSet rs, ZoneId zone) throws SQLException {
    OffsetDateTime receivedAt = rs.getObject("received_at", OffsetDateTime.class);
    LocalDate receivedDay = day(receivedAt, zone);
    boolean inquiry = rs.getBoolean("inquiry_only");
    String status = rs.getString("status");
    String regime = orElse(rs.getString("regime"), "NONE");
    Map<Dimension, String> groups = new LinkedHashMap<>();
    groups.put(Dimension.CATEGORY, orElse(rs.getString("category"), "UNCLASSIFIED"));
    groups.put(Dimension.CHANNEL, rs.getString("channel"));
    groups.put(Dimension.PRODUCT, rs.getString("product"));
    String departments = rs.getString("departments") == null ? "" : Arrays.stream(rs.getString("departments")
        .split(",")).map(String::trim).filter(DEPARTMENTS::contains).distinct().sorted()
        .collect(Collectors.joining("+"));
    groups.put(Dimension.DEPARTMENT, departments);
    groups.put(Dimension.REGIME, regime);

    Map<String, Long> m = new LinkedHashMap<>();
    Map<String, Long> e = new LinkedHashMap<>();
    add(m, Measure.RECEIVED, 1);
    String decision = rs.getString("decision");
    OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
    OffsetDateTime dueAt = rs.getObject("decision_due_at", OffsetDateTime.class);
    int extensions = rs.getInt("extensions_used");
    String outcome = rs.getString("reverification_outcome");
    boolean reverified = rs.getObject("reverification_due_at") != null;
    boolean onTime = decidedAt != null && dueAt != null && !decidedAt.isAfter(dueAt);
    if (inquiry) {
      add(m, Measure.INQUIRIES, 1);
    } else {
      if (decidedAt != null) {
        add(m, Measure.DECIDED, 1);
      }
      if (in(UPHELD, decision)) {
        add(m, Measure.UPHELD, 1);
      }
      if (onTime) {
        add(m, Measure.DECIDED_ON_TIME, 1);
      }
      add(e, Measure.OPENED + "@" + receivedDay, 1);
      if (decidedAt != null) {
        String on = "@" + day(decidedAt, zone);
        add(e, Measure.RESOLVED + on, 1);
        add(e, resolvedBand(receivedAt, decidedAt, zone) + on, 1);
        add(e, Measure.RESOLVED_ON_TIME + on, onTime ? 1 : 0);
        add(e, Measure.RESOLVED_EXTENDED + on, extensions > 0 ? 1 : 0);
        add(e, Measure.RESOLVED_UPHELD + on, in(UPHELD, decision) ? 1 : 0);
        add(e, Measure.RESOLVED_REVERIFIED + on, reverified ? 1 : 0);
        add(e, Measure.RESOLVED_REVERIFIED_REVISED + on, "REVISED".equals(outcome) ? 1 : 0);
      }
    }
    if (decidedAt != null) {
      add(m, Measure.DAYS_TO_DECISION + Math.floorDiv(Duration.between(receivedAt, decidedAt).getSeconds(), 86_400L), 1);
    }
    if ("WITHDRAWN".equals(status)) {
      add(m, Measure.WITHDRAWN, 1);
      OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
      if (!inquiry && closedAt != null) {
        add(e, Measure.CLOSED_WITHDRAWN + "@" + day(closedAt, zone), 1);
      }
    }
    add(m, Measure.EXTENSIONS_USED, extensions);
    add(m, Measure.EXTENDED, extensions > 0 ? 1 : 0);
    add(m, Measure.REVERIFICATIONS, reverified ? 1 : 0);
    if (in(REVERIFICATION_OUTCOMES, outcome)) {
      add(m, Measure.REVERIFICATION_OUTCOME + outcome, 1);
    }
    int score = rs.getInt("satisfaction_score");
    if (!rs.wasNull()) {
      add(m, Measure.SURVEYED, 1);
      add(m, Measure.SATISFACTION_SUM, score);
    }
    if (rs.getString("customer_id") != null) {
      add(m, Measure.IDENTIFIED, 1);
      add(m, Measure.REPEATS, rs.getInt("repeat_complaint"));
    }
    String rootCause = rs.getString("root_cause");
    if (in(ROOT_CAUSES, rootCause)) {
      add(m, Measure.ROOT_CAUSE + rootCause, 1);
    }
    if (rs.getString("redress") != null) {
      add(m, Measure.REDRESS_OWED, 1);
      OffsetDateTime paidAt = rs.getObject("redress_paid_at", OffsetDateTime.class);
      if (paidAt != null) {
        add(m, Measure.REDRESS_PAID, 1);
        add(m, Measure.REDRESS_PAID_ON_TIME,
            paidAt.isAfter(rs.getObject("redress_due_at", OffsetDateTime.class)) ? 0 : 1);
        if (!inquiry) {
          String on = "@" + day(paidAt, zone);
          BigDecimal amount = rs.getBigDecimal("redress_amount");
          add(e, Measure.REDRESS_PAID_COUNT + on, 1);
          add(e, Measure.REDRESS_PAID_MINOR + rs.getString("redress_currency") + on,
              amount.movePointRight(2).longValue());
        }
      }
    }
    m.values().removeIf(v -> v == 0);
    e.values().removeIf(v -> v == 0);
    return new ComplaintFacts(receivedDay, groups, m, e);
  }

  /** Every counter this complaint adds to: its measures in each summary dimension, its events in each return one. */
  Map<FigureKey, Long> figures() {
    Map<FigureKey, Long> figures = new HashMap<>();
    for (Dimension dimension : SUMMARY) {
      for (String group : groupsOf(dimension)) {
        measures.forEach((measure, amount) -> figures.merge(new FigureKey(dimension.name(), receivedDay, group,
            measure), amount, Long::sum));
      }
    }
    String regime = groups.get(Dimension.REGIME);
    Map<Dimension, String> returnGroups = Map.of(Dimension.RETURN_REGIME, regime,
        Dimension.RETURN_PRODUCT, regime + SEPARATOR + groups.get(Dimension.PRODUCT),
        Dimension.RETURN_CATEGORY, regime + SEPARATOR + groups.get(Dimension.CATEGORY),
        Dimension.RETURN_CHANNEL, regime + SEPARATOR + groups.get(Dimension.CHANNEL));
    events.forEach((event, amount) -> {
      int at = event.lastIndexOf('@');
      LocalDate day = LocalDate.parse(event.substring(at + 1));
      returnGroups.forEach((dimension, group) -> figures.merge(new FigureKey(dimension.name(), day, group,
          event.substring(0, at)), amount, Long::sum));
    });
    return figures;
  }

  private List<String> groupsOf(Dimension dimension) {
    if (dimension == Dimension.TOTAL) {
      return List.of(ALL);
    }
    String group = groups.get(dimension);
    if (dimension == Dimension.DEPARTMENT) {
      return group.isEmpty() ? List.of() : List.of(group.split("\\+"));
    }
    return List.of(group);
  }

  /** One line: day TAB groups TAB measures TAB events, each list {@code key=value,...}. */
  String encode() {
    return receivedDay + "\t" + join(groups.entrySet().stream().collect(Collectors.toMap(
        g -> g.getKey().name(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))) + "\t" + join(measures)
        + "\t" + join(events);
  }

  static ComplaintFacts decode(String line) {
    String[] parts = line.split("\t", -1);
    Map<Dimension, String> groups = new LinkedHashMap<>();
    split(parts[1]).forEach((k, v) -> groups.put(Dimension.valueOf(k), v));
    return new ComplaintFacts(LocalDate.parse(parts[0]), groups, longs(split(parts[2])), longs(split(parts[3])));
  }

  /**
   * FCA DISP 1.10: resolved by the close of the third business day after the day of receipt
   * (weekdays; the bank's holidays are not known here), else within 8 weeks of receipt, else after.
   */
  static String resolvedBand(OffsetDateTime receivedAt, OffsetDateTime decidedAt, ZoneId zone) {
    LocalDate received = day(receivedAt, zone);
    LocalDate decided = day(decidedAt, zone);
    int businessDays = 0;
    for (LocalDate d = received.plusDays(1); !d.isAfter(decided) && businessDays <= 3; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        businessDays++;
      }
    }
    if (businessDays <= 3) {
      return Measure.RESOLVED_WITHIN_3_BUSINESS_DAYS;
    }
    return decidedAt.isAfter(receivedAt.plusWeeks(8)) ? Measure.RESOLVED_AFTER_8_WEEKS
        : Measure.RESOLVED_WITHIN_8_WEEKS;
  }

  private static LocalDate day(OffsetDateTime at, ZoneId zone) {
    return at.atZoneSameInstant(zone).toLocalDate();
  }

  /** Set.of refuses to look for null. */
  private static boolean in(Set<String> values, String value) {
    return value != null && values.contains(value);
  }

  private static String orElse(String value, String otherwise) {
    return value == null ? otherwise : value;
  }

  private static void add(Map<String, Long> map, String key, long amount) {
    map.merge(key, amount, Long::sum);
  }

  private static String join(Map<String, ?> map) {
    return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  private static Map<String, String> split(String list) {
    Map<String, String> map = new LinkedHashMap<>();
    if (!list.isEmpty()) {
      for (String entry : list.split(",")) {
        int eq = entry.indexOf('=');
        map.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return map;
  }

  private static Map<String, Long> longs(Map<String, String> map) {
    Map<String, Long> longs = new LinkedHashMap<>();
    map.forEach((k, v) -> longs.put(k, Long.parseLong(v)));
    return longs;
  }
}
