package io.disputeflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.Modeler;
import io.disputeflow.support.Submissions;
import io.disputeflow.support.TestDatabase;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * DisputeFlow's throughput and latency beside the bare Camunda engine in the same application, each
 * figure with its baseline in the same run. Runs only with {@code ./mvnw -Pbenchmark verify} (see README
 * "Benchmark"); every size is a system property whose documented value is the full target, with defaults
 * small enough for about ten minutes on two cores. Prints a table and writes target/benchmark/results.json.
 */
class DisputeFlowBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String BASELINE = "benchmark-baseline";

  // sizes: the full targets in the README, the defaults reduced for one run of about ten minutes
  private final List<String> databases = List.of(property("benchmark.databases", "h2,postgres").split(","));
  private final int clients = Integer.parseInt(property("benchmark.clients", "16"));
  private final double seconds = Double.parseDouble(property("benchmark.seconds", "10"));
  private final int openComplaints = Integer.parseInt(property("benchmark.open-complaints", "200"));
  private final int openTasks = Integer.parseInt(property("benchmark.open-tasks", "2000"));
  private final int historyComplaints = Integer.parseInt(property("benchmark.history-complaints", "20000"));
  private final int historyEngineCopies = Integer.parseInt(property("benchmark.history-engine-copies", "300"));
  private final int stormTimers = Integer.parseInt(property("benchmark.storm-timers", "200"));
  private final int samples = Integer.parseInt(property("benchmark.samples", "50"));
  /** tasklist: samples of the figures without our engine indexes (the count then takes seconds at 100,000). */
  private final int beforeSamples = Integer.parseInt(property("benchmark.before-samples", "5"));
  private final String heap = property("benchmark.heap", "512m");
  /**
   * {@code intake}: only the intake and import figures, each beside the bare start (minutes, not a quarter hour);
   * {@code tasklist}: only the Tasklist figures; {@code history-size}: only the disk a closed case costs;
   * {@code intake,full-case}: intake and the full case after it.
   */
  private final List<String> only = List.of(property("benchmark.only", "").split(",")).stream().map(String::trim)
      .filter(part -> !part.isEmpty()).toList();
  /** history-size: cases driven intake → closed, the bytes each leaves measured over all of them. */
  private final int historyCases = Integer.parseInt(property("benchmark.history-cases", "200"));
  /** Keeps the node and its database this long after the figures (to EXPLAIN statements by hand meanwhile). */
  private final int holdSeconds = Integer.parseInt(property("benchmark.hold-seconds", "0"));
  /** A CFPB export to import (the import figure); without one the figure is skipped. */
  private final String cfpbFile = property("benchmark.cfpb-file", "");
  private final int cfpbRows = Integer.parseInt(property("benchmark.cfpb-rows", "3000"));

  private final List<Map<String, Object>> figures = new ArrayList<>();
  private final AtomicInteger references = new AtomicInteger();
  private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
  private ClassDataSharing classDataSharing;
  /** What is wrong rather than slow: a duplicate or lost timer, a failed call, an OutOfMemoryError. Fails the run. */
  private final List<String> defects = Collections.synchronizedList(new ArrayList<>());

  @Test
  void measure() throws Exception {
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("startedAt", Instant.now().toString());
    results.put("loadAverageBefore", loadAverage());
    results.put("parameters", Map.of("clients", clients, "seconds", seconds, "openComplaints", openComplaints, "openTasks", openTasks,
        "historyComplaints", historyComplaints, "historyEngineCopies", historyEngineCopies,
        "stormTimers", stormTimers, "samples", samples, "heap", heap));
    for (String database : databases) {
      measureOn(database.trim(), out);
      write(out, results);
    }
    results.put("loadAverageAfter", loadAverage());
    results.put("defects", defects);
    write(out, results);
    printTable();
    // a missed target is a measurement to report; a wrong result is a defect the run must not pass
    assertThat(defects).as("defects (target/benchmark/results.json)").isEmpty();
  }

  private void measureOn(String database, Path out) throws Exception {
    if (only.isEmpty()) {
      startupWithClassDataSharing(database, out);
    }
    TestDatabase db = freshDatabase(database, out, "");
    List<String> arguments = arguments(database, db);
    log(database + ": starting the application (-Xmx" + heap + ")");
    try (BenchmarkNode node = BenchmarkNode.start(heap, arguments, out.resolve("node-" + database + ".log"));
        Connection jdbc = DriverManager.getConnection(db.url(), db.username(), db.password())) {
      HttpApi http = new HttpApi(node.port, Duration.ofMinutes(5));
      figure(database, "start-up to ready (s)", node.startupMillis / 1000.0, null, "≤ 20", null,
          node.startupMillis <= 20_000, "fresh database: schema, migrations, deployment, demo users");
      deployBaseline(node.port);

      if (only.contains("tasklist")) {
        int open = count(jdbc, "SELECT COUNT(*) FROM complaint WHERE status = 'OPEN'");
        log(database + ": " + (openComplaints - open) + " complaints through intake, to " + openComplaints + " open");
        Load.forCount(clients, Math.max(0, openComplaints - open), i -> intake(http));
        awaitDueJobs(database, jdbc);
        tasklist(database, node, http, jdbc);
        hold(database, db);
        return;
      }
      if (only.contains("history-size")) {
        HistorySize.measure(database, jdbc, historyCases, () -> {
          Load.Result cases = Load.forCount(clients, historyCases, i -> wholeCase(http) != null);
          defect(database, "history size: cases that failed", cases.failed());
          awaitDueJobs(database, jdbc);
          return cases.ok();
        }, this::figure);
        hold(database, db);
        return;
      }
      if (!only.isEmpty()) {
        if (only.contains("intake")) {
          intakeAndImport(database, node, http, jdbc);
        }
        if (only.contains("full-case")) {
          awaitDueJobs(database, jdbc);
          fullCases(database, http);
        }
        return;
      }
      log(database + ": intake, warm-up");
      Load.forDuration(clients, Math.min(5, seconds), i -> intake(http));
      Load.forDuration(clients, Math.min(5, seconds), i -> baselineStart(http));
      log(database + ": intake, " + seconds + " s × " + clients + " clients, and the bare engine's start");
      Load.Result intake = Load.forDuration(clients, seconds, i -> intake(http));
      Load.Result bare = Load.forDuration(clients, seconds, i -> baselineStart(http));
      figure(database, "intake: complaints accepted per second", intake.perSecond(), bare.perSecond(), "≥ 300",
          "≥ 0.6", intake.perSecond() >= 300 && intake.perSecond() / bare.perSecond() >= 0.6,
          describe(intake) + "; bare engine start " + describe(bare));
      defect(database, "intake: failed calls", intake.failed());
      defect(database, "bare engine start: failed calls", bare.failed());
      figure(database, "intake: p99 latency (ms)", intake.p99(), bare.p99(), "≤ 250", null, intake.p99() <= 250,
          "p50 " + round(intake.p50()) + ", p95 " + round(intake.p95()) + "; bare p50 " + round(bare.p50()));

      int open = count(jdbc, "SELECT COUNT(*) FROM complaint WHERE status = 'OPEN'");
      if (open < openComplaints) {
        log(database + ": " + (openComplaints - open) + " more complaints through intake, to " + openComplaints + " open");
        Load.forCount(clients, openComplaints - open, i -> intake(http));
      }
      awaitDueJobs(database, jdbc);
      tasklist(database, node, http, jdbc);
      String closed = fullCases(database, http);
      awaitDueJobs(database, jdbc);
      Load.Result oneNode = storm(database, jdbc);
      if (database.equals("postgres")) {
        stormOnTwoNodes(database, arguments, out, jdbc, oneNode);
      }
      awaitDueJobs(database, jdbc);
      history(database, node, http, jdbc, closed);
      boolean oom = node.ranOutOfMemory();
      defect(database, "OutOfMemoryError or exit of the node", oom ? 1 : 0);
      figure(database, "memory: peak resident (MiB)", node.peakResidentMiB(), null, "no OutOfMemoryError", null,
          !oom, (oom ? "OutOfMemoryError or exit" : "no OutOfMemoryError") + " with -Xmx" + heap);
    }
  }

  // --- the figures --------------------------------------------------------------------------------

  /**
   * Intake and the background import with the CPU each costs the node (all its threads, the database's
   * included, from /proc) and the job backlog sampled every 5 s: the work behind a 201 must keep pace.
   */
  private void intakeAndImport(String database, BenchmarkNode node, HttpApi http, Connection jdbc) throws Exception {
    log(database + ": intake, warm-up");
    Load.forDuration(clients, Math.min(5, seconds), i -> intake(http));
    Load.forDuration(clients, Math.min(5, seconds), i -> baselineStart(http));
    awaitDueJobs(database, jdbc);
    log(database + ": intake, " + seconds + " s × " + clients + " clients, then the bare engine's start");
    Phase intake = phase(node, jdbc, () -> Load.forDuration(clients, seconds, i -> intake(http)));
    Phase bare = phase(node, jdbc, () -> Load.forDuration(clients, seconds, i -> baselineStart(http)));
    figure(database, "intake: complaints accepted per second", intake.load.perSecond(), bare.load.perSecond(),
        "≥ 100", "≥ 0.5", intake.load.perSecond() >= 100 && intake.load.perSecond() / bare.load.perSecond() >= 0.5,
        describe(intake.load) + "; bare engine start " + describe(bare.load));
    defect(database, "intake: failed calls", intake.load.failed());
    defect(database, "bare engine start: failed calls", bare.load.failed());
    figure(database, "intake: p99 latency (ms)", intake.load.p99(), bare.load.p99(), "≤ 250", null,
        intake.load.p99() <= 250, "p50 " + round(intake.load.p50()) + ", p95 " + round(intake.load.p95())
            + "; bare p50 " + round(bare.load.p50()));
    figure(database, "intake: node CPU ms per complaint, the work behind included", intake.cpuPerCall(),
        bare.cpuPerCall(), "—", null, true, round(intake.cpuDuring / (double) intake.load.ok()) + " ms while answering, "
            + round(intake.drainSeconds) + " s for the job executor to catch up afterwards; bare "
            + round(bare.cpuDuring / (double) bare.load.ok()) + " ms");
    figure(database, "intake: due jobs waiting, last sample", intake.backlog.get(intake.backlog.size() - 1),
        (double) bare.backlog.get(bare.backlog.size() - 1), "not growing", null, !intake.growing(),
        "every 5 s: " + intake.backlog + "; bare " + bare.backlog);
    if (cfpbFile.isBlank()) {
      return;
    }
    String csv = firstRows(Files.readAllLines(Path.of(cfpbFile), StandardCharsets.UTF_8), cfpbRows);
    for (String pass : List.of("first import", "same file again")) {
      long cpu = node.cpuMillis();
      long start = System.nanoTime();
      HttpApi.Response posted = http.post("/api/imports/cfpb", "intake", "text/csv; charset=UTF-8", csv);
      expect(posted, 202);
      String id = JSON.readTree(posted.body()).path("id").asText();
      JsonNode status;
      do {
        Thread.sleep(200);
        status = JSON.readTree(http.get("/api/imports/" + id, "intake").body());
      } while (status.path("status").asText().equals("RUNNING"));
      double importSeconds = (System.nanoTime() - start) / 1e9;
      long importCpu = node.cpuMillis() - cpu;
      awaitDueJobs(database, jdbc);
      double withJobs = (System.nanoTime() - start) / 1e9;
      long allCpu = node.cpuMillis() - cpu;
      int rows = status.path("rows").asInt();
      double rate = rows / importSeconds;
      figure(database, "import, " + pass + ": rows per second", rate, bare.load.perSecond(), "≥ 100", null,
          rate >= 100 && status.path("status").asText().equals("DONE"), status.path("status").asText() + ", " + rows
              + " rows (created " + status.path("created").asInt() + ", already imported " + status.path("alreadyImported").asInt()
              + ", merged " + status.path("merged").asInt() + ", rejected " + status.path("rejected").asInt() + ") in "
              + round(importSeconds) + " s, node CPU " + round(importCpu / (double) rows) + " ms a row; with the jobs"
              + " behind it " + round(withJobs) + " s (" + round(rows / withJobs) + " rows/s), " + round(allCpu / (double) rows)
              + " ms a row; baseline: bare engine starts per second, 16 clients");
    }
  }

  /** The header and the first rows of a CSV file; a quoted narrative may span lines (an odd count of quotes). */
  private static String firstRows(List<String> lines, int rows) {
    StringBuilder csv = new StringBuilder();
    boolean quoted = false;
    int ended = -1; // the header is row 0
    for (String line : lines) {
      csv.append(line).append('\n');
      quoted ^= line.chars().filter(c -> c == '"').count() % 2 == 1;
      if (!quoted && ++ended == rows) {
        break;
      }
    }
    return csv.toString();
  }

  /** A load, the node's CPU during it and until the job executor caught up after it, and the backlog every 5 s. */
  private Phase phase(BenchmarkNode node, Connection jdbc, LoadRun run) throws Exception {
    List<Integer> backlog = Collections.synchronizedList(new ArrayList<>());
    backlog.add(dueJobs(jdbc));
    Thread sampler = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(5000);
          backlog.add(dueJobs(jdbc));
        }
      } catch (InterruptedException | SQLException stopped) {
        // the load ended
      }
    }, "backlog");
    long cpu = node.cpuMillis();
    sampler.start();
    Load.Result load = run.run();
    sampler.interrupt();
    sampler.join();
    backlog.add(dueJobs(jdbc));
    long during = node.cpuMillis() - cpu;
    long drainStart = System.nanoTime();
    awaitDueJobs("", jdbc);
    double drain = (System.nanoTime() - drainStart) / 1e9;
    return new Phase(load, during, node.cpuMillis() - cpu, drain, List.copyOf(backlog));
  }

  private interface LoadRun {
    Load.Result run() throws Exception;
  }

  private record Phase(Load.Result load, long cpuDuring, long cpuAll, double drainSeconds, List<Integer> backlog) {
    double cpuPerCall() {
      return cpuAll / (double) Math.max(1, load.ok());
    }

    /** The second half's samples above the first half's largest by more than a fifth: the executor falls behind. */
    boolean growing() {
      int half = backlog.size() / 2;
      int firstMax = backlog.subList(0, Math.max(1, half)).stream().mapToInt(Integer::intValue).max().orElse(0);
      int last = backlog.get(backlog.size() - 1);
      return last > Math.max(50, firstMax * 1.2);
    }
  }

  private static int dueJobs(Connection jdbc) throws SQLException {
    try (PreparedStatement due = jdbc.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0"
        + " AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)")) {
      due.setTimestamp(1, Timestamp.from(Instant.now()));
      try (ResultSet rows = due.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Start-up of the extracted jar with Spring Boot's class-data-sharing archive, beside the same jar without it. */
  private void startupWithClassDataSharing(String database, Path out) throws Exception {
    if (classDataSharing == null) {
      log("class-data-sharing archive: extracting the packaged jar and a training run");
      classDataSharing = ClassDataSharing.prepare(out.resolve("cds"), heap);
    }
    double plain = startupOf(database, classDataSharing.launch(false), out, "jar");
    double shared = startupOf(database, classDataSharing.launch(true), out, "cds");
    figure(database, "start-up to ready, class-data-sharing archive (s)", shared, plain, "≤ 20", null, shared <= 20,
        "fresh database; the extracted jar with the archive; baseline: the same jar without it");
  }

  /** Seconds from launch until ready on a fresh database of its own; the node is stopped right after. */
  private double startupOf(String database, List<String> launch, Path out, String name) throws Exception {
    TestDatabase db = freshDatabase(database, out, "-" + name);
    try (BenchmarkNode node = BenchmarkNode.start(heap, launch, arguments(database, db),
        out.resolve("node-" + database + "-" + name + ".log"))) {
      return node.startupMillis / 1000.0;
    }
  }

  private TestDatabase freshDatabase(String database, Path out, String suffix) {
    return database.equals("postgres") ? TestDatabase.postgres()
        : new TestDatabase("jdbc:h2:file:" + out.toAbsolutePath().resolve("h2-" + run + suffix + "/disputeflow")
            + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=100;LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", ""); // as application.yaml
  }

  private static List<String> arguments(String database, TestDatabase db) {
    List<String> arguments = new ArrayList<>(db.arguments());
    if (database.equals("postgres")) {
      arguments.add("--spring.profiles.active=postgres");
    }
    return arguments;
  }

  private void tasklist(String database, BenchmarkNode node, HttpApi http, Connection jdbc) throws Exception {
    int real = count(jdbc, "SELECT COUNT(*) FROM ACT_RU_TASK");
    if (real < openTasks) {
      String template;
      try (Statement query = jdbc.createStatement(); ResultSet task = query.executeQuery("SELECT ID_ FROM ACT_RU_TASK"
          + " WHERE TASK_DEF_KEY_ = 'user_investigate_complaint' AND ASSIGNEE_ IS NULL ORDER BY ID_")) {
        task.next();
        template = task.getString(1);
      }
      log(database + ": " + (openTasks - real) + " copies of an open investigation task, to " + openTasks);
      new BulkCopies(jdbc).padOpenTasks(template, openTasks - real, 5000);
      if (database.equals("postgres")) {
        // the planner's statistics as autovacuum keeps them; a bulk load is seconds old, autovacuum's round a minute
        try (Statement analyze = jdbc.createStatement()) {
          analyze.execute("ANALYZE");
        }
      }
      log(database + ": settled after " + round(node.awaitQuiet()) + " s");
    }
    int tasks = count(jdbc, "SELECT COUNT(*) FROM ACT_RU_TASK");
    String scale = tasks + " open tasks (target: 100,000): " + real + " real ones (of "
        + count(jdbc, "SELECT COUNT(*) FROM complaint WHERE status = 'OPEN'") + " open complaints and the baseline"
        + " processes), the rest copies of one investigation task";
    if (only.contains("tasklist")) {
      // before and after in the same run: first without the indexes of db/engine-migration, a few samples
      EngineIndexes indexes = EngineIndexes.read();
      indexes.drop(jdbc);
      tasklistFigures(database, http, jdbc, scale, " (without our engine indexes)", beforeSamples);
      indexes.create(jdbc, database);
    }
    tasklistFigures(database, http, jdbc, scale, "", samples);
  }

  /** Tasklist opening My group as cora: its page of 50 with the filter's variables and its count, beside the bare engine. */
  private void tasklistFigures(String database, HttpApi http, Connection jdbc, String scale, String variant,
      int samples) throws Exception {
    JsonNode filters = JSON.readTree(http.get("/engine-rest/filter?resourceType=Task", "cora").body());
    String id = null;
    for (JsonNode filter : filters) {
      if (filter.path("name").asText().startsWith("My group")) {
        id = filter.path("id").asText();
      }
    }
    String filterList = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50";
    String filterCount = "/engine-rest/filter/" + id + "/count";
    String bareQuery = "candidateGroup=coordinator";
    String bareList = "/engine-rest/task?" + bareQuery + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";
    String bareCount = "/engine-rest/task/count?" + bareQuery;
    // hal+json as Tasklist asks: the tasks with the filter's variables (the summary columns)
    Load.Call list = i -> {
      HttpApi.Response response = http.get(filterList, "cora", "application/hal+json");
      return response.status() == 200 && response.body().contains("decisionDueAtText");
    };
    Load.Call countCall = i -> http.get(filterCount, "cora").status() == 200;
    Load.Call bare = i -> http.get(bareList, "cora").status() == 200;
    Load.Call bareCountCall = i -> http.get(bareCount, "cora").status() == 200;
    // Tasklist opening a filter: its page of tasks and its count, one after the other
    Load.Call page = i -> list.run(i) && countCall.run(i);
    Load.Call barePage = i -> bare.run(i) && bareCountCall.run(i);
    Load.forCount(1, Math.min(5, samples), page);
    Load.forCount(1, Math.min(5, samples), barePage);
    String load = loadAverage();
    Load.Result ours = Load.forCount(1, samples, list);
    Load.Result engine = Load.forCount(1, samples, bare);
    Load.Result ourPage = Load.forCount(1, samples, page);
    Load.Result enginePage = Load.forCount(1, samples, barePage);
    load += " → " + loadAverage();
    defect(database, "Tasklist filter: failed calls", ours.failed() + ourPage.failed());
    String conditions = scale + "; " + samples + " samples; load average " + load;
    figure(database, "Tasklist: My group filter, 50 tasks, p95 (ms)" + variant, ours.p95(), engine.p95(), "≤ 150", "≤ 2",
        ours.p95() <= 150 && ours.p95() <= 2 * engine.p95(), conditions + "; bare: the same 50 tasks by candidate group"
            + " without the filter and its variables; p50 " + round(ours.p50()) + " vs " + round(engine.p50()));
    figure(database, "Tasklist: My group page and count, p95 (ms)" + variant, ourPage.p95(), enginePage.p95(), "≤ 150", "≤ 2",
        ourPage.p95() <= 150 && ourPage.p95() <= 2 * enginePage.p95(), "the page as above, then GET"
            + " /engine-rest/filter/{id}/count, one after the other; bare: the bare page, then /engine-rest/task/count?"
            + bareQuery + "; p50 "
            + round(ourPage.p50()) + " vs " + round(enginePage.p50()));
  }

  /** With benchmark.hold-seconds: the node and its database stay up for EXPLAIN by hand (psql to the URL logged). */
  private void hold(String database, TestDatabase db) throws InterruptedException {
    if (holdSeconds > 0) {
      log(database + ": holding the node and " + db.url() + " for " + holdSeconds + " s");
      Thread.sleep(holdSeconds * 1000L);
    }
  }

  /** Complaints driven intake → closed by the clients, each working one case at a time. */
  private String fullCases(String database, HttpApi http) throws Exception {
    log(database + ": full cases, " + seconds + " s × " + clients + " clients");
    List<String> closed = Collections.synchronizedList(new ArrayList<>());
    Load.Result cases = Load.forDuration(clients, seconds, i -> {
      String number = wholeCase(http);
      closed.add(number);
      return true;
    });
    defect(database, "full case: cases that failed", cases.failed());
    figure(database, "full case: intake → closed per second", cases.perSecond(), null, "≥ 5", null,
        cases.perSecond() >= 5, cases.ok() + " cases, 6 REST task completions and 2 customer answers each; "
            + "p50 " + round(cases.p50() / 1000) + " s a case");
    if (closed.isEmpty()) {
      throw new IllegalStateException("No case was closed");
    }
    return closed.get(0);
  }

  private Load.Result storm(String database, Connection jdbc) throws Exception {
    try (Statement ddl = jdbc.createStatement()) {
      ddl.execute("CREATE TABLE benchmark_storm (job_id VARCHAR(64) PRIMARY KEY, storm VARCHAR(64))");
    }
    Load.Result ours = stormOf(jdbc, "complaint-handling", "one node");
    Load.Result bare = stormOf(jdbc, BASELINE, "one node, bare");
    int duplicates = duplicates(jdbc, "one node");
    defect(database, "storm, one node: timers not fired", ours.failed());
    defect(database, "storm, one node: timers fired twice", duplicates);
    defect(database, "storm, one node, bare: timers not fired", bare.failed());
    figure(database, "deadline storm, one node: all fired (s)", ours.seconds(), bare.seconds(), "≤ 120", null,
        ours.seconds() <= 120 && ours.failed() == 0 && duplicates == 0,
        ours.ok() + " clock timers due at once (target 20,000), " + round(ours.perSecond()) + "/s; not fired "
            + ours.failed() + "; duplicates " + duplicates + "; failed attempts " + failedAttempts(jdbc, "one node")
            + "; bare: " + bare.ok() + " baseline timers");
    return ours;
  }

  /**
   * The same number of clock timers (each complaint's clock waits again after its timer fired) due at
   * once with a second node on the same database: the two job executors share them, each runs once.
   */
  private void stormOnTwoNodes(String database, List<String> arguments, Path out, Connection jdbc,
      Load.Result oneNode) throws Exception {
    log(database + ": starting a second node for the two-node deadline storm");
    try (BenchmarkNode second = BenchmarkNode.start(heap, arguments, out.resolve("node-" + database + "-2.log"),
        "--camunda.bpm.generic-properties.properties.hostname=node-2")) {
      Load.Result two = stormOf(jdbc, "complaint-handling", "two nodes");
      int duplicates = duplicates(jdbc, "two nodes");
      int onSecond = count(jdbc, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG l JOIN benchmark_storm s ON s.job_id = l.JOB_ID_"
          + " WHERE s.storm = 'two nodes' AND l.JOB_STATE_ = 2 AND l.HOSTNAME_ = 'node-2'");
      double speedUp = oneNode.seconds() / two.seconds();
      defect(database, "storm, two nodes: timers not fired", two.failed() + Math.max(0, oneNode.ok() - two.ok()));
      defect(database, "storm, two nodes: timers fired twice", duplicates);
      figure(database, "deadline storm, two nodes: all fired (s)", two.seconds(), oneNode.seconds(), "~2× faster",
          null, two.failed() == 0 && duplicates == 0 && two.ok() == oneNode.ok() && speedUp >= 1.8,
          two.ok() + " clock timers due at once, " + round(two.perSecond()) + "/s, " + round(speedUp)
              + "× the one-node rate (baseline: one node, same count); fired by the second node " + onSecond
              + "; not fired " + two.failed() + "; duplicates " + duplicates + "; failed attempts "
              + failedAttempts(jdbc, "two nodes") + "; both nodes share this machine's cores");
    }
  }

  /**
   * Waits until the job executor has caught up with the work the load before left, so that the next
   * figure measures itself and not that tail.
   */
  private static void awaitDueJobs(String database, Connection jdbc) throws Exception {
    long start = System.nanoTime();
    try (PreparedStatement due = jdbc.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0"
        + " AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)")) {
      awaitUntil(() -> {
        due.setTimestamp(1, Timestamp.from(Instant.now()));
        try (ResultSet rows = due.executeQuery()) {
          rows.next();
          return rows.getInt(1) == 0;
        }
      }, "no due job");
    }
    log(database + ": job executor caught up after " + round((System.nanoTime() - start) / 1e9) + " s");
  }

  /** Timers of the storm that ran successfully more than once (the job log keeps every attempt). */
  private static int duplicates(Connection jdbc, String storm) throws SQLException {
    return count(jdbc, "SELECT COUNT(*) FROM (SELECT l.JOB_ID_ FROM ACT_HI_JOB_LOG l JOIN benchmark_storm s"
        + " ON s.job_id = l.JOB_ID_ WHERE s.storm = '" + storm + "' AND l.JOB_STATE_ = 2 GROUP BY l.JOB_ID_"
        + " HAVING COUNT(*) > 1) d");
  }

  private static int failedAttempts(Connection jdbc, String storm) throws SQLException {
    return count(jdbc, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG l JOIN benchmark_storm s ON s.job_id = l.JOB_ID_"
        + " WHERE s.storm = '" + storm + "' AND l.JOB_STATE_ = 1");
  }

  /** Makes up to stormTimers waiting timers of the definition due now and waits until the job executors fired them. */
  private Load.Result stormOf(Connection jdbc, String definition, String storm) throws Exception {
    Timestamp now = Timestamp.from(Instant.now().minusSeconds(1));
    try (PreparedStatement pick = jdbc.prepareStatement("INSERT INTO benchmark_storm (job_id, storm)"
        + " SELECT ID_, ? FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'timer-intermediate-transition'"
        + " AND PROCESS_DEF_KEY_ = ? AND ID_ NOT IN (SELECT job_id FROM benchmark_storm)"
        + " ORDER BY ID_ FETCH FIRST " + stormTimers + " ROWS ONLY")) {
      pick.setString(1, storm);
      pick.setString(2, definition);
      pick.executeUpdate();
    }
    int timers = count(jdbc, "SELECT COUNT(*) FROM benchmark_storm WHERE storm = '" + storm + "'");
    log("deadline storm (" + storm + "): " + timers + " timers of " + definition);
    try (PreparedStatement due = jdbc.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ IN"
        + " (SELECT job_id FROM benchmark_storm WHERE storm = ?)")) {
      due.setTimestamp(1, now);
      due.setString(2, storm);
      due.executeUpdate();
    }
    long start = System.nanoTime();
    String waiting = "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN benchmark_storm s ON s.job_id = j.ID_"
        + " WHERE s.storm = '" + storm + "'";
    int left = timers;
    long deadline = start + 600_000_000_000L;
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      left = count(jdbc, waiting);
    }
    double took = (System.nanoTime() - start) / 1e9;
    return new Load.Result(timers - left, left, took, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  private void history(String database, BenchmarkNode node, HttpApi http, Connection jdbc, String template)
      throws Exception {
    log(database + ": bulk-loading " + historyComplaints + " closed complaints (" + historyEngineCopies
        + " with their engine history) as copies of " + template);
    long start = System.nanoTime();
    BulkCopies copies = new BulkCopies(jdbc);
    long rows = copies.loadClosedCases(template, historyComplaints, historyEngineCopies, 1000);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    log(database + ": settled after " + round(node.awaitQuiet()) + " s");
    int closedCount = count(jdbc, "SELECT COUNT(*) FROM complaint WHERE status = 'CLOSED'");
    int processes = count(jdbc, "SELECT COUNT(*) FROM ACT_HI_PROCINST");
    String scale = closedCount + " closed complaints (target 1,000,000), " + processes
        + " historic process instances; loaded " + rows + " rows in " + round(loadSeconds) + " s";
    int timelineEntries = JSON.readTree(http.get("/api/complaints/" + template + "/timeline", "sam").body())
        .path("entries").size();

    Load.Call complaint = i -> http.get("/api/complaints/" + randomCopy(), "cora").status() == 200;
    Load.Call bareComplaint = i -> http.get("/engine-rest/history/process-instance?processInstanceBusinessKey="
        + randomCopy(), "admin").status() == 200;
    Load.Call timeline = i -> {
      HttpApi.Response response = http.get("/api/complaints/" + randomCopy() + "/timeline", "sam");
      return response.status() == 200 && JSON.readTree(response.body()).path("entries").size() == timelineEntries;
    };
    Load.Call bareTimeline = i -> http.get("/engine-rest/history/activity-instance?processInstanceId="
        + copies.rootOf(1 + ThreadLocalRandom.current().nextInt(historyEngineCopies)), "admin").status() == 200;
    Load.forCount(1, 20, complaint);
    Load.forCount(1, 20, timeline);
    Load.Result ours = Load.forCount(1, samples, complaint);
    Load.Result bare = Load.forCount(1, samples, bareComplaint);
    defect(database, "GET /api/complaints/{number}: failed calls", ours.failed());
    figure(database, "GET /api/complaints/{number}, p95 (ms)", ours.p95(), bare.p95(), "≤ 50", null,
        ours.p95() <= 50 && ours.failed() == 0, scale + "; bare: the historic process instance by business key");
    ours = Load.forCount(1, samples, timeline);
    bare = Load.forCount(1, samples, bareTimeline);
    defect(database, "GET …/timeline: failed calls or wrong entries", ours.failed());
    figure(database, "GET …/timeline, p95 (ms)", ours.p95(), bare.p95(), "≤ 150", null,
        ours.p95() <= 150 && ours.failed() == 0, timelineEntries + " entries a case, " + ours.failed()
            + " wrong answers; bare: the root instance's historic activity instances");

    LocalDate to = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String summary = "/api/reports/summary?from=" + to.minus(364, ChronoUnit.DAYS) + "&to=" + to;
    Load.Call report = i -> http.get(summary, "sam").status() == 200;
    Load.forCount(1, 1, report);
    Load.Result year = Load.forCount(1, 3, report);
    defect(database, "year report: failed calls", year.failed());
    figure(database, "reports: summary of a year (s)", year.max() / 1000, null, "≤ 1", null,
        year.max() <= 1000 && year.failed() == 0, closedCount + " closed complaints over the year (target 1,000,000);"
            + " worst of 3 after one warm-up");
  }

  // --- driving the application ---------------------------------------------------------------------

  private boolean intake(HttpApi http) throws Exception {
    return http.post("/api/complaints", "intake", Submissions.creditCardComplaint(reference())).status() == 201;
  }

  private String reference() {
    return "BM-" + run + "-" + references.incrementAndGet();
  }

  private boolean baselineStart(HttpApi http) throws Exception {
    String dueAt = Instant.now().plus(30, ChronoUnit.DAYS).toString().replaceFirst("(\\.\\d+)?Z$", ".000+0000");
    String body = """
        {"businessKey": "%s", "variables": {
          "dueAt": {"value": "%s", "type": "Date"},
          "channel": {"value": "MOBILE_APP", "type": "String"},
          "customerName": {"value": "王秀英", "type": "String"},
          "product": {"value": "CREDIT_CARD", "type": "String"},
          "issue": {"value": "信用卡账单重复扣款 duplicate charge", "type": "String"},
          "disputedAmount": {"value": 1280.00, "type": "Double"}}}
        """.formatted(reference(), dueAt);
    return http.post("/engine-rest/process-definition/key/" + BASELINE + "/start", "admin", body).status() == 200;
  }

  /** As a process owner deploys from Camunda Modeler. */
  private void deployBaseline(int port) throws Exception {
    try (InputStream model = getClass().getResourceAsStream("/benchmark/benchmark-baseline.bpmn")) {
      HttpResponse<String> response = new Modeler(port).deploy("admin", "benchmark",
          Map.of("benchmark-baseline.bpmn", new String(model.readAllBytes(), StandardCharsets.UTF_8)));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Cannot deploy the baseline: " + response.statusCode() + " " + response.body());
      }
    }
  }

  /** One complaint through every stage as its people and its channel would: the shortest whole path. */
  private String wholeCase(HttpApi http) throws Exception {
    HttpApi.Response created = http.post("/api/complaints", "intake", Submissions.creditCardComplaint(reference()));
    if (created.status() != 201) {
      throw new IllegalStateException("intake " + created);
    }
    String number = JSON.readTree(created.body()).path("complaintNumber").asText();
    complete(http, number, "user_investigate_complaint", "cora", """
        {"investigationFindings": {"value": "客户陈述属实，需部门复核", "type": "String"},
         "legalNeeded": {"value": false, "type": "Boolean"},
         "departments": {"value": "[\\"dept-cards\\"]", "type": "Json"}}""");
    complete(http, number, "user_review_department", "carl", """
        {"reviewFindings": {"value": "账单复核：重复扣款属实", "type": "String"},
         "reviewRecommendation": {"value": "UPHOLD", "type": "String"}}""");
    complete(http, number, "user_propose_resolution", "cora", """
        {"decision": {"value": "UPHOLD", "type": "String"},
         "compensationAmount": {"value": 500.0, "type": "Double"},
         "decisionGrounds": {"value": "重复扣款，全额退还", "type": "String"}}""");
    customer(http, number, "customer-response", "{\"accepted\": true}");
    // the accepted compensation is paid by the accounts department before the case closes
    complete(http, number, "user_pay_redress", "anna", """
        {"paymentOutcome": {"value": "PAID", "type": "String"},
         "paymentAccount": {"value": "6222 0210 0100 1234", "type": "String"},
         "paymentReference": {"value": "TRX-%s", "type": "String"}}""".formatted(number));
    customer(http, number, "survey", "{\"score\": 5, \"comment\": \"处理及时，很满意\"}");
    complete(http, number, "user_record_root_cause", "cora", """
        {"rootCause": {"value": "SYSTEM_FAULT", "type": "String"},
         "rootCauseDepartment": {"value": "dept-cards", "type": "String"},
         "systemicCause": {"value": false, "type": "Boolean"},
         "rootCauseNotes": {"value": "Double posting", "type": "String"}}""");
    awaitUntil(() -> JSON.readTree(http.get("/api/complaints/" + number, "cora").body())
        .path("status").asText().equals("CLOSED"), number + " closed");
    return number;
  }

  /** Waits for the task (the job executor continues after the previous one), then claims and completes it. */
  private void complete(HttpApi http, String number, String taskKey, String user, String variables) throws Exception {
    String[] id = new String[1];
    awaitUntil(() -> {
      JsonNode tasks = JSON.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + number
          + "&taskDefinitionKey=" + taskKey, user).body());
      id[0] = tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
      return id[0] != null;
    }, taskKey + " of " + number);
    expect(http.post("/engine-rest/task/" + id[0] + "/claim", user, "{\"userId\": \"" + user + "\"}"), 204);
    expect(http.post("/engine-rest/task/" + id[0] + "/complete", user, "{\"variables\": " + variables + "}"), 204);
  }

  /** The customer's answer through the channel: 409 until the case awaits it. */
  private void customer(HttpApi http, String number, String action, String body) throws Exception {
    awaitUntil(() -> {
      int status = http.post("/api/complaints/" + number + "/" + action, "intake", body).status();
      if (status != 202 && status != 409) {
        throw new IllegalStateException(action + " of " + number + " answered " + status);
      }
      return status == 202;
    }, action + " of " + number);
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Up to 5 minutes: a job that fails waits for its retry (disputeflow.retry-cycle, a minute by default).
   * Asks again after 50 ms, then each time twice as long up to a second, as a client that is not told
   * would: asking every 50 ms, 16 clients made more than half of the node's CPU their own polls (a flight
   * recording of the full case), so the figure measured the polling rather than the cases.
   */
  private static void awaitUntil(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    long pause = 50;
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + what);
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 1000);
    }
  }

  private static void expect(HttpApi.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + response);
    }
  }

  private String randomCopy() {
    return BulkCopies.number(1 + ThreadLocalRandom.current().nextInt(Math.min(historyComplaints, historyEngineCopies)));
  }

  // --- results ----------------------------------------------------------------------------------

  void figure(String database, String name, double value, Double baseline, String target,
      String ratioTarget, boolean met, String note) {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("database", database);
    figure.put("figure", name);
    figure.put("value", round(value));
    figure.put("baseline", baseline == null ? null : round(baseline));
    figure.put("ratio", baseline == null || baseline == 0 ? null : round(value / baseline));
    figure.put("target", target + (ratioTarget == null ? "" : ", ratio " + ratioTarget));
    figure.put("met", met);
    figure.put("note", note);
    figures.add(figure);
    log(String.format(Locale.ROOT, "%s | %s | %s | bare %s | ratio %s | %s | %s", database, name, figure.get("value"),
        figure.get("baseline"), figure.get("ratio"), met ? "met" : "MISSED", note));
  }

  private void defect(String database, String what, long count) {
    if (count > 0) {
      defects.add(database + ": " + what + ": " + count);
      log("DEFECT " + database + ": " + what + ": " + count);
    }
  }

  private void write(Path out, Map<String, Object> results) throws Exception {
    results.put("figures", figures);
    JSON.writeValue(out.resolve("results.json").toFile(), results);
  }

  private void printTable() {
    StringBuilder table = new StringBuilder("\n| database | figure | DisputeFlow | bare engine | ratio | target | met |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> f : figures) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", f.get("database"),
          f.get("figure"), f.get("value"), f.get("baseline") == null ? "—" : f.get("baseline"),
          f.get("ratio") == null ? "—" : f.get("ratio"), f.get("target"), (boolean) f.get("met") ? "yes" : "**no**"));
    }
    table.append("\nNotes:\n");
    figures.forEach(f -> table.append("- ").append(f.get("database")).append(", ").append(f.get("figure"))
        .append(": ").append(f.get("note")).append('\n'));
    System.out.println(table);
  }

  private static String describe(Load.Result result) {
    return String.format(Locale.ROOT, "%d in %.1f s (%d failed)", result.ok(), result.seconds(), result.failed());
  }

  private static int count(Connection jdbc, String sql) throws SQLException {
    try (Statement statement = jdbc.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String property(String name, String defaultValue) {
    return System.getProperty(name, defaultValue);
  }

  static void log(String message) {
    System.out.println("benchmark " + Instant.now() + " " + message);
  }
}
