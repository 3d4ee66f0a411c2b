package io.disputeflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.disputeflow.figures.Dimension;
import io.disputeflow.figures.FigureSeeder;
import io.disputeflow.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports at full size, on demand (not part of the build's tests): the year's summary in every
 * grouping and the returns over the daily and monthly figures a million complaints leave (seeded straight
 * into report_daily_figure and report_monthly_figure by {@link FigureSeeder}), with the plan of the
 * summary's statement, and the open-cases board over 20,000 open complaint rows (inserted by SQL, not
 * through the engine), each beside its bare baseline: the plain statement over the same rows. Requests go
 * through the whole Spring MVC stack (security, JSON) by MockMvc, without a network; each figure is the
 * worst and the median of 10 after 2 warm-ups. H2 on a file, as in production; PostgreSQL with
 * -Ddisputeflow.test.database=postgres. Results: target/benchmark/report-figures.txt (docs/benchmarks.md).
 *
 * <pre>
 * ./mvnw -o surefire:test -Dtest=ReportFiguresBenchmark [-Ddisputeflow.test.database=postgres]
 *     [-Dbenchmark.report-complaints=1000000] [-Dbenchmark.board-open-complaints=20000]
 * </pre>
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:file:./target/benchmark/report-figures-${random.uuid}"
    + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=100;LOCK_TIMEOUT=10000;WRITE_DELAY=0")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportFiguresBenchmark {

  private static final int YEAR = 2041;
  private static final int RUNS = 10;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void measure() throws Exception {
    int complaints = Integer.getInteger("benchmark.report-complaints", 1_000_000);
    int open = Integer.getInteger("benchmark.board-open-complaints", 20_000);
    String database = TestDatabase.postgresSelected() ? "PostgreSQL" : "H2 file";
    List<String> lines = new ArrayList<>();
    lines.add("# " + Instant.now() + " load " + loadAverage() + " " + database + ": " + complaints + " complaints' daily figures, " + open
        + " open complaints");

    long seeding = System.nanoTime();
    int counters = FigureSeeder.seedYear(jdbc, transactions, complaints, YEAR, 42);
    lines.add("seeded " + counters + " daily counters in " + (System.nanoTime() - seeding) / 1_000_000 + " ms");
    analyse();

    LocalDate first = LocalDate.of(YEAR, 1, 1);
    LocalDate last = LocalDate.of(YEAR, 12, 31);
    String year = "from=" + first + "&to=" + last;
    for (String groupBy : List.of("category", "channel", "product", "department", "regime")) {
      lines.add(measure("summary of the year by " + groupBy, get("/api/reports/summary?" + year + "&groupBy="
          + groupBy)));
    }
    // not on month boundaries: the days of the first and last month come from the daily counters
    LocalDate unalignedFirst = LocalDate.of(YEAR, 1, 16);
    LocalDate unalignedLast = LocalDate.of(YEAR, 12, 15);
    lines.add(measure("summary of " + unalignedFirst + " to " + unalignedLast + " by category",
        get("/api/reports/summary?from=" + unalignedFirst + "&to=" + unalignedLast + "&groupBy=category")));
    String byCategory = FigureSeeder.sumStatement(List.of(Dimension.TOTAL, Dimension.CATEGORY), first, last);
    String unaligned = FigureSeeder.sumStatement(List.of(Dimension.TOTAL, Dimension.CATEGORY), unalignedFirst,
        unalignedLast);
    lines.add(bare("bare: the year's daily-figures statement by category alone", byCategory));
    lines.add(bare("bare: the same, " + unalignedFirst + " to " + unalignedLast, unaligned));
    lines.add(bare("bare: the old statement (every day's counters of the year, dimension IN)",
        "SELECT dimension, grp, measure, SUM(amount) FROM report_daily_figure WHERE dimension IN ('TOTAL', 'CATEGORY')"
            + " AND figure_day >= DATE '" + first + "' AND figure_day <= DATE '" + last + "'"
            + " GROUP BY dimension, grp, measure"));
    lines.add(measure("return CN-CBIRC-2020 " + YEAR + "-Q3", get("/api/reports/regulatory-return?regime=CN-CBIRC-2020"
        + "&period=" + YEAR + "-Q3")));
    lines.add(measure("return UK-FCA-DISP " + YEAR + "-H2", get("/api/reports/regulatory-return?regime=UK-FCA-DISP"
        + "&period=" + YEAR + "-H2")));
    lines.add(measure("return US-CFPB " + YEAR + "-07", get("/api/reports/regulatory-return?regime=US-CFPB"
        + "&period=" + YEAR + "-07")));
    lines.addAll(explain(byCategory));
    lines.addAll(explain(unaligned));

    long inserting = System.nanoTime();
    transactions.executeWithoutResult(status -> insertOpen(open));
    lines.add("inserted " + open + " open complaints in " + (System.nanoTime() - inserting) / 1_000_000 + " ms");
    analyse();
    lines.add(measure("open-cases board (" + open + " open), by department", get("/api/reports/open-cases")));
    lines.add(measure("open-cases board (" + open + " open), by category",
        get("/api/reports/open-cases?groupBy=category")));
    lines.add(bare("bare: COUNT(*) of the open complaints",
        "SELECT COUNT(*) FROM complaint WHERE status IN ('OPEN', 'AWAITING_CUSTOMER')"));
    lines.add(bare("bare: the open complaints' stage, clock columns and receipt (all rows read)",
        "SELECT stage, decided_at, clock_paused_since, decision_due_at, decision_warning_at, received_at"
            + " FROM complaint WHERE status IN ('OPEN', 'AWAITING_CUSTOMER')"));

    lines.forEach(System.out::println);
    Path results = Path.of("target/benchmark/report-figures.txt");
    Files.createDirectories(results.getParent());
    Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private String measure(String name, MockHttpServletRequestBuilder request) throws Exception {
    long[] ms = new long[RUNS];
    for (int i = -2; i < RUNS; i++) {
      long start = System.nanoTime();
      int status = mvc.perform(request.with(httpBasic("sam", "demo"))).andReturn().getResponse().getStatus();
      assertThat(status).as(name).isEqualTo(200);
      if (i >= 0) {
        ms[i] = (System.nanoTime() - start) / 1_000_000;
      }
    }
    return line(name, ms);
  }

  private String bare(String name, String sql) {
    long[] ms = new long[RUNS];
    for (int i = -2; i < RUNS; i++) {
      long start = System.nanoTime();
      jdbc.query(sql, rs -> { });
      if (i >= 0) {
        ms[i] = (System.nanoTime() - start) / 1_000_000;
      }
    }
    return line(name, ms);
  }

  private static String line(String name, long[] ms) {
    long[] sorted = ms.clone();
    Arrays.sort(sorted);
    return String.format("%-75s worst %5d ms, median %5d ms, load %s", name, sorted[sorted.length - 1],
        sorted[sorted.length / 2], loadAverage());
  }

  /** The 1-minute load average after the figure: the machine is shared, so each figure says how loaded. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException unknown) {
      return "?";
    }
  }

  /** The plan of a statement as the database ran it (H2: rows scanned per table; PostgreSQL: with buffers). */
  private List<String> explain(String sql) {
    String explain = TestDatabase.postgresSelected() ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
    List<String> plan = new ArrayList<>();
    plan.add("plan of: " + sql);
    jdbc.query(explain + sql, rs -> {
      plan.add("  " + rs.getString(1));
    });
    return plan;
  }

  /** Fresh statistics, as a database that has lived with these rows would have. */
  private void analyse() {
    jdbc.execute("ANALYZE");
  }

  /** Open complaints in every stage and clock state, received over the last 90 days, due within ±20 days. */
  private void insertOpen(int count) {
    String[] stages = {"INTAKE", "INVESTIGATION", "DEPARTMENT_REVIEW", "LEGAL_CONSULTATION", "RESOLUTION",
        "REDRESS_PAYMENT", "FEEDBACK"};
    String[] departments = {"dept-cards", "dept-accounts", "dept-digital,dept-accounts", "dept-loans", "dept-wealth"};
    Random random = new Random(7);
    OffsetDateTime now = OffsetDateTime.now();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OffsetDateTime received = now.minusMinutes(random.nextInt(90 * 24 * 60));
      OffsetDateTime due = now.plusMinutes(random.nextInt(40 * 24 * 60) - 20 * 24 * 60);
      rows.add(new Object[] {String.format("BOARD-%06d", i), "BRANCH", ts(received), "Board customer", "zh-CN", false,
          "CREDIT_CARD", "Issue", "Narrative", false, random.nextInt(10) == 0 ? "AWAITING_CUSTOMER" : "OPEN",
          stages[random.nextInt(stages.length)], "BILLING_DISPUTE", departments[random.nextInt(departments.length)],
          "CN-CBIRC-2020", ts(due), ts(due.minusDays(3)), random.nextInt(20) == 0 ? ts(now.minusDays(1)) : null,
          ts(received), ts(received)});
      if (rows.size() == 5_000) {
        insertComplaints(rows);
      }
    }
    insertComplaints(rows);
  }

  private void insertComplaints(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO complaint (complaint_number, channel, received_at, customer_name, preferred_language,"
        + " customer_vulnerable, product, issue, narrative, inquiry_only, status, stage, category, departments, regime,"
        + " decision_due_at, decision_warning_at, clock_paused_since, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    rows.clear();
  }

  private static Timestamp ts(OffsetDateTime at) {
    return at == null ? null : Timestamp.from(at.toInstant());
  }

}
