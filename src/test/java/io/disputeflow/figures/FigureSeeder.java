package io.disputeflow.figures;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Department;
import io.disputeflow.complaint.Product;
import io.disputeflow.feedback.RootCause;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the daily and monthly counters that a year of {@code complaints} complaints would have left,
 * straight into report_daily_figure and report_monthly_figure, for measuring the reports at sizes no test could work through the engine. Each
 * simulated complaint is spread over the dimensions by {@link ComplaintFacts#figures()}, as a real one is,
 * so the counters have the number and shape of the real ones.
 */
public final class FigureSeeder {

  private static final String[] CATEGORIES = {"FRAUD", "DEBT_COLLECTION_CONDUCT", "CREDIT_REPORT_ERROR", "REMITTANCE",
      "MIS_SELLING", "CONTRACT_TERMS", "BILLING_DISPUTE", "TRANSACTION_FAILURE", "ACCOUNT_SERVICE", "OTHER"};
  private static final String[] REGIMES = {"CN-CBIRC-2020", "UK-FCA-DISP", "UK-FCA-DISP-PSD", "US-CFPB", "US-REG-E",
      "US-REG-Z"};
  private static final String[] OUTCOMES = {"ORIGINAL_UPHELD", "REVISED"};

  private FigureSeeder() {}

  /** Seeds the year (a transaction a batch of counters) and returns how many counters it wrote. */
  public static int seedYear(JdbcTemplate jdbc, TransactionTemplate transactions, int complaints, int year,
      long seed) {
    Random random = new Random(seed);
    // summed in a hash map, then written in primary-key order: H2 appends pages, and rows scattered over
    // the tree rewrite it on every commit (a sorted map for the sums cost minutes of comparisons)
    Map<FigureKey, Long> counters = new HashMap<>();
    LocalDate first = LocalDate.of(year, 1, 1);
    int days = first.lengthOfYear();
    for (int i = 0; i < complaints; i++) {
      simulated(first.plusDays(random.nextInt(days)), random).figures()
          .forEach((key, amount) -> counters.merge(key, amount, Long::sum));
    }
    Map<FigureKey, Long> months = new HashMap<>();
    counters.forEach((key, amount) -> months.merge(new FigureKey(key.dimension(), key.day().withDayOfMonth(1),
        key.group(), key.measure()), amount, Long::sum));
    insertAll(jdbc, transactions, months, "report_monthly_figure (dimension, figure_month");
    return insertAll(jdbc, transactions, counters, "report_daily_figure (dimension, figure_day");
  }

  /** The statement DailyFigures#sum runs for these dimensions and days, with its parameters, for EXPLAIN. */
  public static String sumStatement(List<Dimension> dimensions, LocalDate first, LocalDate last) {
    DailyFigures.Statement statement = DailyFigures.statement(dimensions, first, last);
    String sql = statement.sql();
    for (Map.Entry<String, Object> param : statement.params().entrySet()) {
      String value = param.getValue() instanceof LocalDate day ? "DATE '" + day + "'" : "'" + param.getValue() + "'";
      sql = sql.replaceAll(":" + param.getKey() + "\\b", value);
    }
    return sql;
  }

  private static int insertAll(JdbcTemplate jdbc, TransactionTemplate transactions, Map<FigureKey, Long> counters,
      String table) {
    List<Object[]> rows = new ArrayList<>(10_000);
    int written = 0;
    List<Map.Entry<FigureKey, Long>> sorted = new ArrayList<>(counters.entrySet());
    sorted.sort(Map.Entry.comparingByKey(Comparator.comparing(FigureKey::dimension).thenComparing(FigureKey::day)
        .thenComparing(FigureKey::group).thenComparing(FigureKey::measure)));
    for (Map.Entry<FigureKey, Long> counter : sorted) {
      FigureKey key = counter.getKey();
      rows.add(new Object[] {key.dimension(), Date.valueOf(key.day()), key.group(), key.measure(), counter.getValue()});
      if (rows.size() == 50_000) {
        written += transactions.execute(status -> insert(jdbc, table, rows));
      }
    }
    return written + transactions.execute(status -> insert(jdbc, table, rows));
  }

  private static int insert(JdbcTemplate jdbc, String table, List<Object[]> rows) {
    int size = rows.size();
    if (size > 0) {
      jdbc.batchUpdate("INSERT INTO " + table + ", grp, measure, amount) VALUES (?, ?, ?, ?, ?)", rows);
      rows.clear();
    }
    return size;
  }

  private static ComplaintFacts simulated(LocalDate received, Random random) {
    Map<Dimension, String> groups = new LinkedHashMap<>();
    groups.put(Dimension.CATEGORY, CATEGORIES[random.nextInt(CATEGORIES.length)]);
    groups.put(Dimension.CHANNEL, Channel.values()[random.nextInt(Channel.values().length)].name());
    groups.put(Dimension.PRODUCT, Product.values()[random.nextInt(Product.values().length)].name());
    Department[] departments = Department.values();
    String department = departments[random.nextInt(departments.length)].groupId();
    groups.put(Dimension.DEPARTMENT, random.nextInt(5) == 0
        ? department + "+" + departments[random.nextInt(departments.length)].groupId() : department);
    groups.put(Dimension.REGIME, REGIMES[random.nextInt(REGIMES.length)]);
    Map<String, Long> m = new LinkedHashMap<>();
    Map<String, Long> e = new LinkedHashMap<>();
    m.put(Measure.RECEIVED, 1L);
    if (random.nextInt(20) == 0) {
      m.put(Measure.INQUIRIES, 1L);
      return new ComplaintFacts(received, groups, m, e);
    }
    e.put(Measure.OPENED + "@" + received, 1L);
    if (random.nextInt(10) > 0) {
      int daysToDecision = random.nextInt(60);
      String on = "@" + received.plusDays(daysToDecision);
      m.put(Measure.DECIDED, 1L);
      m.put(Measure.DAYS_TO_DECISION + daysToDecision, 1L);
      e.put(Measure.RESOLVED + on, 1L);
      e.put((daysToDecision <= 3 ? Measure.RESOLVED_WITHIN_3_BUSINESS_DAYS : daysToDecision <= 56
          ? Measure.RESOLVED_WITHIN_8_WEEKS : Measure.RESOLVED_AFTER_8_WEEKS) + on, 1L);
      if (daysToDecision <= 45) {
        m.put(Measure.DECIDED_ON_TIME, 1L);
        e.put(Measure.RESOLVED_ON_TIME + on, 1L);
      }
      if (random.nextInt(5) < 2) {
        m.put(Measure.UPHELD, 1L);
        e.put(Measure.RESOLVED_UPHELD + on, 1L);
      }
      if (random.nextInt(10) == 0) {
        m.put(Measure.EXTENSIONS_USED, 1L);
        m.put(Measure.EXTENDED, 1L);
        e.put(Measure.RESOLVED_EXTENDED + on, 1L);
      }
      if (random.nextInt(20) == 0) {
        m.put(Measure.REVERIFICATIONS, 1L);
        m.put(Measure.REVERIFICATION_OUTCOME + OUTCOMES[random.nextInt(2)], 1L);
        e.put(Measure.RESOLVED_REVERIFIED + on, 1L);
      }
      m.put(Measure.ROOT_CAUSE + RootCause.values()[random.nextInt(RootCause.values().length)].name(), 1L);
      if (random.nextInt(5) == 0) {
        m.put(Measure.REDRESS_OWED, 1L);
        m.put(Measure.REDRESS_PAID, 1L);
        m.put(Measure.REDRESS_PAID_ON_TIME, 1L);
        String paid = "@" + received.plusDays(daysToDecision + random.nextInt(10));
        e.put(Measure.REDRESS_PAID_COUNT + paid, 1L);
        e.put(Measure.REDRESS_PAID_MINOR + "CNY" + paid, 100L + random.nextInt(100_000));
      }
    } else if (random.nextBoolean()) {
      m.put(Measure.WITHDRAWN, 1L);
      e.put(Measure.CLOSED_WITHDRAWN + "@" + received.plusDays(random.nextInt(10)), 1L);
    }
    if (random.nextInt(3) == 0) {
      m.put(Measure.SURVEYED, 1L);
      m.put(Measure.SATISFACTION_SUM, 1L + random.nextInt(5));
    }
    if (random.nextInt(5) > 0) {
      m.put(Measure.IDENTIFIED, 1L);
      if (random.nextInt(10) == 0) {
        m.put(Measure.REPEATS, 1L);
      }
    }
    return new ComplaintFacts(received, groups, m, e);
  }
}
