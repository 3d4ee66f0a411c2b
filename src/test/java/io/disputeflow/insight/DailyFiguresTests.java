package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.ComplaintChanged;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.Product;
import io.disputeflow.complaint.RedressRepository;
import io.disputeflow.complaint.Stage;
import io.disputeflow.feedback.RootCause;
import io.disputeflow.figures.FigureFolder;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summary from the daily figures equals a full recount from every complaint row (SummaryRecount, the
 * statement the report ran before), in every grouping, after a varied year of cases changed through the
 * repositories that the process uses (so through the same change events): received by every channel and
 * product, classified and reclassified, inquiries, decisions of every outcome on time and late, extended,
 * contested (核查) and re-verified, withdrawn, redress owed and paid on time or late, surveyed, root causes,
 * repeat customers, and undecided cases past their deadline. Before and after the changes are folded, and
 * with changes made by several threads at once while the folder runs.
 */
@ApiTest
@DatabaseTest
class DailyFiguresTests {

  private static final String[] OUTCOMES = {"UPHOLD", "PARTLY_UPHOLD", "REJECT"};
  private static final String[] CATEGORIES = {"BILLING_DISPUTE", "TRANSACTION_FAILURE", "FEES_AND_CHARGES"};
  private static final String[] DEPARTMENTS = {"dept-cards", "dept-digital,dept-accounts", "dept-accounts"};
  private static final String[] REGIMES = {"CN-CBIRC-2020", "UK-FCA-DISP", "US-REG-Z"};

  @Autowired ComplaintRepository complaints;
  @Autowired RedressRepository redress;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired FigureFolder folder;
  @Autowired ReportRepository report;
  @Autowired SummaryRecount recount;
  @Autowired RegulatoryReturns returns;
  @Autowired ReturnRecount returnRecount;
  @Value("${disputeflow.zone}") ZoneId zone;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldEqualAFullRecountAfterAVariedYearOfCases() {
    Random random = new Random(2033);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      numbers.add(work("DF33-" + i, LocalDate.of(2033, 1, 1).plusDays(random.nextInt(360)), random));
    }
    // a customer's earlier complaint arriving after the later one makes the later one a repeat
    work("DF33-LATE", LocalDate.of(2033, 1, 2), new Random(1));

    assertEqualToARecount(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31));
    assertEqualToARecount(LocalDate.of(2033, 3, 10), LocalDate.of(2033, 8, 20));
    assertReturnsEqualARecount(2033);
    folder.fold();
    assertEqualToARecount(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31));
    assertEqualToARecount(LocalDate.of(2033, 3, 10), LocalDate.of(2033, 8, 20));
    // whole months from the monthly counters, the days of the months covered in part from the daily ones
    assertEqualToARecount(LocalDate.of(2033, 2, 1), LocalDate.of(2033, 6, 30));
    assertEqualToARecount(LocalDate.of(2033, 4, 2), LocalDate.of(2033, 4, 29));
    assertReturnsEqualARecount(2033);
    assertThat(numbers).hasSize(60);
  }

  @Test
  void shouldEqualAFullRecountWhenSeveralThreadsChangeCasesOfTheSameDaysWhileFolding() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(5);
    AtomicBoolean working = new AtomicBoolean(true);
    Future<?> folding = pool.submit(() -> {
      while (working.get()) {
        folder.fold();
      }
    });
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        Random random = new Random(thread);
        for (int i = 0; i < 15; i++) {
          // all on the same three days: the threads move the same counters
          work("DF34-" + thread + "-" + i, LocalDate.of(2034, 5, 1 + i % 3), random);
        }
      }));
    }
    for (Future<?> worker : workers) {
      worker.get(5, TimeUnit.MINUTES);
    }
    working.set(false);
    folding.get(1, TimeUnit.MINUTES);
    pool.shutdown();

    assertEqualToARecount(LocalDate.of(2034, 5, 1), LocalDate.of(2034, 5, 3));
    folder.fold();
    assertEqualToARecount(LocalDate.of(2034, 5, 1), LocalDate.of(2034, 5, 3));
    assertReturnsEqualARecount(2034);
  }

  @Test
  void shouldRecountAComplaintOnceWhenOneTransactionWritesItSeveralTimes() {
    String number = "DF36-ONCE";
    OffsetDateTime receivedAt = OffsetDateTime.parse("2036-03-03T10:00:00+08:00");
    Random random = new Random(36);
    at(receivedAt.plusDays(4));
    // the fold holds report_fold_lock: holding it keeps the changes unfolded, so they can be read as written
    transactions.executeWithoutResult(holdingFolds -> {
      jdbc.sql("SELECT id FROM report_fold_lock WHERE id = 1 FOR UPDATE").query(Integer.class).list();
      TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
      inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
      inner.executeWithoutResult(oneCaseStep -> {
        complaints.insert(record(number, receivedAt, null, false, random));
        complaints.updateClassification(number, "BILLING_DISPUTE", "NORMAL", List.of("dept-cards"), false);
        complaints.updateClassification(number, "FEES_AND_CHARGES", "HIGH", List.of("dept-accounts"), false);
        complaints.updateDecision(number, "UPHOLD", BigDecimal.ZERO, "grounds");
      });
      List<String> written = jdbc.sql("SELECT dimension || ':' || grp || ':' || measure || '=' || amount"
              + " FROM report_figure_change WHERE figure_day = DATE '2036-03-03' AND dimension = 'CATEGORY'"
              + " ORDER BY 1").query(String.class).list();
      // recounted after each write, it would have written the unclassified and the first category too
      assertThat(written).as("the category counters written by the transaction").isNotEmpty()
          .allMatch(row -> row.startsWith("CATEGORY:FEES_AND_CHARGES:") && !row.contains("=-"));
      assertThat(jdbc.sql("SELECT COUNT(*) FROM report_figure_change WHERE figure_day = DATE '2036-03-03'"
              + " GROUP BY dimension, grp, measure HAVING COUNT(*) > 1").query(Long.class).list())
          .as("counters written more than once").isEmpty();
    });
    assertEqualToARecount(LocalDate.of(2036, 3, 3), LocalDate.of(2036, 3, 3));
    folder.fold();
    assertEqualToARecount(LocalDate.of(2036, 3, 3), LocalDate.of(2036, 3, 3));
  }

  private void assertEqualToARecount(LocalDate first, LocalDate last) {
    OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime asOf = OffsetDateTime.parse("2034-12-31T12:00:00+08:00");
    for (ReportGrouping grouping : ReportGrouping.values()) {
      var kept = report.figures(grouping, first, last, from, to, asOf);
      var recounted = recount.figures(grouping, from, to, asOf);
      assertThat(kept).as("%s from %s to %s", grouping, first, last).isEqualTo(recounted);
      assertThat(kept.get(0).received()).isPositive();
    }
  }

  /**
   * Every return of every regime, for each of its periods of the year (quarters, halves, and the months
   * of May and July), equals the return recounted from the complaint rows: every breakdown the returns read.
   */
  private void assertReturnsEqualARecount(int year) {
    long received = 0;
    for (ReturnRegime regime : ReturnRegime.values()) {
      for (ReturnPeriod.Kind kind : regime.periods) {
        List<String> periods = switch (kind) {
          case QUARTER -> List.of("Q1", "Q2", "Q3", "Q4");
          case HALF_YEAR -> List.of("H1", "H2");
          case MONTH -> List.of("05", "07");
        };
        for (String code : periods) {
          RegulatoryReturn kept = returns.of(regime.code, year + "-" + code, List.of());
          ReturnPeriod period = regime.period(year + "-" + code).orElseThrow();
          assertThat(ReturnRecount.linesOf(kept)).as("%s %s-%s", regime.code, year, code)
              .isEqualTo(returnRecount.lines(regime, period));
          received += kept.lines().get(0).figures().values().iterator().next();
        }
      }
    }
    assertThat(received).as("complaints the returns of %s count", year).isPositive();
  }

  /** One case from receipt on {@code day} through whatever the dice say, each step its own transaction. */
  private String work(String number, LocalDate day, Random random) {
    OffsetDateTime receivedAt = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(zone).toOffsetDateTime();
    boolean inquiry = random.nextInt(8) == 0;
    String customer = random.nextInt(4) == 0 ? null : "DF-C" + random.nextInt(12);
    at(receivedAt);
    step(() -> complaints.insert(record(number, receivedAt, customer, inquiry, random)));
    int kind = random.nextInt(3);
    step(() -> complaints.updateClassification(number, CATEGORIES[kind], "NORMAL",
        List.of(DEPARTMENTS[kind].split(",")), false));
    if (random.nextInt(6) == 0) { // reclassified: the case moves from one group to another
      step(() -> complaints.updateClassification(number, CATEGORIES[(kind + 1) % 3], "HIGH", List.of("dept-cards"),
          false));
    }
    if (inquiry) {
      return number;
    }
    String regime = REGIMES[random.nextInt(REGIMES.length)];
    int extensions = random.nextInt(4) == 0 ? 1 : 0;
    OffsetDateTime dueAt = receivedAt.plusDays(15 + 15L * extensions);
    clock(number, "regime = ?, decision_due_at = ?, extensions_used = ?", regime, dueAt, extensions);
    int fate = random.nextInt(10);
    if (fate == 0) { // withdrawn before a decision
      at(receivedAt.plusDays(3));
      step(() -> complaints.withdraw(number));
      return number;
    }
    if (fate == 1) { // still undecided: overdue now, or not yet due at the reading
      return number;
    }
    OffsetDateTime decidedAt = receivedAt.plusHours(2 + random.nextInt(24 * 40));
    at(decidedAt);
    String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
    step(() -> complaints.updateDecision(number, outcome, BigDecimal.ZERO, "grounds"));
    if (!"REJECT".equals(outcome) && random.nextBoolean()) {
      OffsetDateTime redressDue = decidedAt.plusDays(7);
      step(() -> redress.owe(number, new BigDecimal("125.50"), "CNY", redressDue, decidedAt));
      if (random.nextInt(3) > 0) {
        OffsetDateTime paidAt = decidedAt.plusDays(random.nextInt(10));
        at(paidAt);
        step(() -> redress.paid(number, null, "ACC-1", "REF-" + number, "accounts", paidAt));
      }
    }
    if (random.nextInt(4) == 0) { // contested (核查), then re-verified
      clock(number, "reverification_due_at = ?", decidedAt.plusDays(30));
      if (random.nextBoolean()) {
        step(() -> complaints.updateReverificationOutcome(number, random.nextBoolean() ? "REVISED" : "ORIGINAL_UPHELD"));
      }
    }
    if (random.nextBoolean()) {
      step(() -> complaints.updateSatisfaction(number, 1 + random.nextInt(5), null));
    }
    RootCause cause = RootCause.values()[random.nextInt(RootCause.values().length)];
    step(() -> complaints.updateRootCause(number, cause.name(), "dept-cards", false));
    step(() -> complaints.close(number));
    return number;
  }

  /** What the decision clock writes (deadline.ClockRepository), the same way: the row and its change event. */
  private void clock(String number, String assignments, Object... values) {
    Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
    params[values.length] = number;
    step(() -> {
      jdbc.sql("UPDATE complaint SET " + assignments + " WHERE complaint_number = ?").params(params).update();
      events.publishEvent(new ComplaintChanged(number));
    });
  }

  private void step(Runnable change) {
    transactions.executeWithoutResult(status -> change.run());
  }

  private static void at(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  private static ComplaintRecord record(String number, OffsetDateTime receivedAt, String customer, boolean inquiry,
      Random random) {
    Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
    Product product = Product.values()[random.nextInt(Product.values().length)];
    return new ComplaintRecord(number, channel, null, receivedAt, customer, "Customer " + number, null, null,
        "zh-CN", null, false, product, "Issue", "Narrative", null, null, inquiry, ComplaintStatus.OPEN, Stage.INTAKE,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, receivedAt);
  }
}
