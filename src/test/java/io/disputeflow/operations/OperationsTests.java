package io.disputeflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.complaint.Stage;
import io.disputeflow.casefile.ComplaintQueries;
import io.disputeflow.casefile.ComplaintView;
import io.disputeflow.deadline.Regime;
import io.disputeflow.intake.ComplaintSubmission;
import io.disputeflow.intake.IntakeService;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.Submissions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metrics and health details as operations use them: a real Prometheus (Debian's {@code prometheus},
 * installed by .ci/run) scrapes this node as the monitoring user, the open-case gauges agree with what
 * the complaint API shows case by case, and only monitoring and administrators see the health details.
 */
@ApplicationTest
@DatabaseTest
class OperationsTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired MeterRegistry registry;
  @Autowired OperationsReadings readings;
  @Autowired EngineJobCounts jobCounts;
  @Autowired ComplaintQueries complaints;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  private HttpApi api;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
    api = new HttpApi(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldBeScrapedByARealPrometheusAsTheMonitoringUser(@TempDir Path directory) throws Exception {
    // given a Prometheus scraping this node every second with the monitoring demo user's credentials
    int prometheusPort = freePort();
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: disputeflow
            metrics_path: /actuator/prometheus
            basic_auth:
              username: monitor
              password: demo
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(port));
    Path log = directory.resolve("prometheus.log");
    Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
        "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String prometheusUrl = "http://127.0.0.1:" + prometheusPort;
      await("Prometheus ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> prometheus.isAlive() && status(prometheusUrl + "/-/ready") == 200);
      double before = received("MOBILE_APP", "CREDIT_CARD");

      // when a channel posts a complaint
      HttpApi.Response posted = api.post("/api/complaints", "intake",
          Submissions.creditCardComplaint("PROM-" + UUID.randomUUID()));
      assertThat(posted.status()).as(posted.body()).isEqualTo(201);

      // then Prometheus sees the node up and the complaint counted, as the node counts it
      String countQuery = "sum(disputeflow_complaints_received_total{job=\"disputeflow\",channel=\"MOBILE_APP\","
          + "product=\"CREDIT_CARD\",outcome=\"CREATED\",application=\"disputeflow\"})";
      await("the scrape shows the complaint").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
          .untilAsserted(() -> {
            assertThat(prometheus.isAlive()).as("prometheus runs (log: %s)", log).isTrue();
            assertThat(query(prometheusUrl, "up{job=\"disputeflow\"}")).as("target up: %s", lastScrapeError(prometheusUrl))
                .isEqualTo(1.0);
            assertThat(query(prometheusUrl, countQuery)).isEqualTo(before + 1);
          });
      assertThat(received("MOBILE_APP", "CREDIT_CARD")).isEqualTo(before + 1);
      // and the gauges and the job executor's counters are scraped too
      // every open stage (all but CLOSED) × every clock state, NONE included
      assertThat(query(prometheusUrl, "count(disputeflow_cases_open)"))
          .isEqualTo((double) (Stage.values().length - 1) * OperationsSnapshot.CLOCK_STATES.size());
      assertThat(query(prometheusUrl, "count(disputeflow_jobs_executed_total)")).isEqualTo(1.0);
    } finally {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor();
      }
    }
  }

  @Test
  void shouldCountAComplaintOnlyOnceItsTransactionCommitted(@Autowired IntakeService intake,
      @Autowired PlatformTransactionManager transactions) throws Exception {
    // given a complaint taken in within a transaction that is then rolled back (as a refused registration is)
    double before = received("MOBILE_APP", "CREDIT_CARD");
    String reference = "ROLLBACK-" + UUID.randomUUID();
    ComplaintSubmission submission = json.readValue(Submissions.creditCardComplaint(reference),
        ComplaintSubmission.class);
    new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
      intake.submit(submission);
      assertThat(received("MOBILE_APP", "CREDIT_CARD")).as("not before the commit").isEqualTo(before);
      transaction.setRollbackOnly();
    });

    // then it was never received: not counted, not there
    assertThat(received("MOBILE_APP", "CREDIT_CARD")).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE external_reference = ?").param(reference)
        .query(Long.class).single()).isZero();

    // when it is taken in again and committed, it counts once
    new TransactionTemplate(transactions).executeWithoutResult(transaction -> intake.submit(submission));
    assertThat(received("MOBILE_APP", "CREDIT_CARD")).isEqualTo(before + 1);
  }

  @Test
  void shouldCountOpenCasesByStageAndClockStateAsTheApiShowsEachCase() throws Exception {
    // given a new complaint: its decision clock runs
    HttpApi.Response posted = api.post("/api/complaints", "intake",
        Submissions.creditCardComplaint("GAUGE-" + UUID.randomUUID()));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    JsonNode deadlines = json.readTree(posted.body()).get("deadlines");
    Instant warningAt = OffsetDateTime.parse(deadlines.get("warningAt").asText()).toInstant();
    Instant dueAt = OffsetDateTime.parse(deadlines.get("decisionDueAt").asText()).toInstant();

    // then now, past its warning time and past its deadline the gauges count every open case as the API shows it
    for (Instant at : List.of(Instant.now(), warningAt.plusSeconds(60), dueAt.plusSeconds(60))) {
      ClockUtil.setCurrentTime(Date.from(at));
      OperationsSnapshot figures = readings.read();
      Map<String, Long> expected = casesAsTheApiShowsThem();
      for (String stage : List.of("INTAKE", "INVESTIGATION", "DEPARTMENT_REVIEW", "LEGAL_CONSULTATION", "RESOLUTION",
          "FEEDBACK")) {
        for (String clock : List.of("NONE", "ON_TRACK", "WARNING", "OVERDUE", "PAUSED", "STOPPED")) {
          assertThat(figures.openCases(stage, clock)).as("%s %s at %s", stage, clock, at)
              .isEqualTo(expected.getOrDefault(stage + "/" + clock, 0L));
        }
      }
      long overdue = figures.openCases().stream().filter(c -> c.clockState().equals("OVERDUE"))
          .mapToLong(OperationsSnapshot.OpenCases::count).sum();
      assertThat(Arrays.stream(Regime.values()).mapToLong(r -> figures.openCasesOfRegime(r.code(), "OVERDUE"))
          .sum()).as("overdue by regime, at %s", at).isEqualTo(overdue);
    }
    // and the new complaint was counted in each of its states (the comparison was not between empty figures)
    ClockUtil.setCurrentTime(Date.from(warningAt.plusSeconds(60)));
    assertThat(readings.read().openCases("INVESTIGATION", "WARNING")).isPositive();
    ClockUtil.setCurrentTime(Date.from(dueAt.plusSeconds(60)));
    assertThat(readings.read().openCasesOfRegime("CN-CBIRC-2020", "OVERDUE")).isPositive();
  }

  @Test
  void shouldShowTheOutboxAndTheJobsAsTheyStand() throws Exception {
    // given the figures before a complaint comes in (no mail server in the tests: letters wait)
    OperationsSnapshot before = readings.read();

    // when a complaint comes in, its acknowledgement is queued
    HttpApi.Response posted = api.post("/api/complaints", "intake",
        Submissions.creditCardComplaint("OUTBOX-" + UUID.randomUUID()));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String number = json.readTree(posted.body()).get("complaintNumber").asText();
    OffsetDateTime queuedAt = jdbc.sql("SELECT created_at FROM letter WHERE complaint_number = ?").param(number)
        .query(OffsetDateTime.class).single();

    // then the outbox holds one more waiting letter, the oldest no younger than it
    ClockUtil.setCurrentTime(Date.from(queuedAt.toInstant().plus(Duration.ofHours(2))));
    OperationsSnapshot after = readings.read();
    assertThat(after.letters("QUEUED")).isEqualTo(before.letters("QUEUED") + 1);
    assertThat(after.oldestWaitingLetter()).isBeforeOrEqualTo(queuedAt.toInstant());
    assertThat(after.oldestLetterAge(ClockUtil.now().toInstant())).isGreaterThanOrEqualTo(Duration.ofHours(2));

    // and a job run counts as executed; the backlog is the jobs due
    List<Job> due = management.createJobQuery().executable().list();
    assertThat(after.jobsDue()).isEqualTo(due.size());
    if (!due.isEmpty()) {
      long executed = jobCounts.executed();
      management.executeJob(due.get(0).getId());
      assertThat(jobCounts.executed()).isEqualTo(executed + 1);
    }
  }

  @Test
  void shouldShowHealthDetailsToMonitoringOnlyAndBeReadyWithDatabaseAndEngine() throws Exception {
    // given a day in 2026: the CN calendar holds 2026 only, the English one 2026 and 2027
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T02:00:00Z")));

    // when the monitoring user asks for health
    JsonNode health = json.readTree(api.get("/actuator/health", "monitor").body()).get("components");

    // then it sees the job backlog, the outbox and each calendar's coverage of this and next year
    assertThat(health.at("/jobs/details/backlog").isNumber()).as(health.toString()).isTrue();
    assertThat(health.at("/jobs/details/openIncidents/failedJob").isNumber()).isTrue();
    assertThat(health.at("/jobs/details/executorOnThisNode").asText()).isEqualTo("not running");
    assertThat(health.at("/letterOutbox/status").asText()).isEqualTo("UP");
    assertThat(health.at("/letterOutbox/details/queued").isNumber()).isTrue();
    assertThat(health.at("/letterOutbox/details/oldestWaiting").asText()).startsWith("PT");
    assertThat(health.at("/regulatoryCalendars/details/coverage/CN/2026").asText()).isEqualTo("covered");
    assertThat(health.at("/regulatoryCalendars/details/coverage/CN/2027").asText()).isEqualTo("missing");
    assertThat(health.at("/regulatoryCalendars/details/coverage/GB-EAW/2027").asText()).isEqualTo("covered");

    // and readiness is the node started, its database and its engine with the complaint model
    HttpApi.Response readiness = api.get("/actuator/health/readiness", "monitor");
    assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
    JsonNode ready = json.readTree(readiness.body()).get("components");
    assertThat(ready.fieldNames()).toIterable().containsExactlyInAnyOrder("readinessState", "db", "engine");
    assertThat(ready.at("/engine/status").asText()).isEqualTo("UP");
    assertThat(ready.at("/engine/details/complaint-handling").asText()).startsWith("version ");
    assertThat(ready.at("/db/status").asText()).isEqualTo("UP");

    // and a coordinator, or anyone without an account, sees only the status
    for (String user : new String[] {"cora", null}) {
      HttpResponse<String> status = HTTP.send(user == null
          ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build()
          : HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
              .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(json.readTree(status.body()).has("components")).as("%s: %s", user, status.body()).isFalse();
    }
  }

  @Test
  void shouldDocumentEveryMetricAndChartExactlyTheDocumentedOnes() throws Exception {
    // given a complaint taken in, so that the intake counter exists besides the gauges
    assertThat(api.post("/api/complaints", "intake", Submissions.creditCardComplaint("DOC-" + UUID.randomUUID()))
        .status()).isEqualTo(201);

    // when the monitoring user scrapes the node
    HttpApi.Response scrape = api.get("/actuator/prometheus", "monitor");
    assertThat(scrape.status()).isEqualTo(200);

    // then every business metric it shows is documented, and the dashboard charts exactly the documented ones
    Set<String> documented = metricNames(Files.readString(Path.of("docs/operations/metrics.md")));
    String samples = scrape.body().lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
    assertThat(metricNames(samples)).isSubsetOf(documented)
        .contains("disputeflow_complaints_received_total", "disputeflow_cases_open", "disputeflow_jobs_backlog",
            "disputeflow_letters_oldest_waiting_age_seconds", "disputeflow_jobs_executed_total");
    JsonNode dashboard = json.readTree(Path.of("docs/operations/grafana-dashboard.json").toFile());
    StringBuilder queries = new StringBuilder();
    dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.append(t.get("expr").asText())
        .append('\n')));
    assertThat(metricNames(queries.toString())).isEqualTo(documented);
  }

  private static Set<String> metricNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher name = Pattern.compile("\\b(disputeflow_[a-z_]*[a-z])\\b").matcher(text);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  /** Stage/clock state of every open complaint, one by one through the complaint API's view. */
  private Map<String, Long> casesAsTheApiShowsThem() {
    Map<String, Long> cases = new HashMap<>();
    for (String number : jdbc.sql("SELECT complaint_number FROM complaint WHERE status <> 'CLOSED'")
        .query(String.class).list()) {
      ComplaintView view = complaints.get(number);
      String clock = view.deadlines() == null || view.deadlines().clockState() == null ? "NONE"
          : view.deadlines().clockState();
      cases.merge(view.stage().name() + "/" + clock, 1L, Long::sum);
    }
    return cases;
  }

  private double received(String channel, String product) {
    return registry.find("disputeflow.complaints.received")
        .tags("channel", channel, "product", product, "outcome", "CREATED").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  /** The single value of an instant query through Prometheus' HTTP API; NaN when it has none (yet). */
  private double query(String prometheusUrl, String promQl) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/query?query="
        + URLEncoder.encode(promQl, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode answer = json.readTree(response.body());
    assertThat(answer.path("status").asText()).as(response.body()).isEqualTo("success");
    JsonNode result = answer.at("/data/result");
    return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).at("/value/1").asText());
  }

  /** Why Prometheus' last scrape of this node failed, if it did. */
  private String lastScrapeError(String prometheusUrl) throws IOException, InterruptedException {
    return json.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/targets")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).at("/data/activeTargets/0/lastError").asText();
  }

  private static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
