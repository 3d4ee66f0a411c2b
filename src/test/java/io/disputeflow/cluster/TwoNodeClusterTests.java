package io.disputeflow.cluster;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.disputeflow.deadline.ContestWindow;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApplicationProcess;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.Submissions;
import io.disputeflow.support.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL form a Camunda homogeneous cluster: both take complaints in
 * and serve tasks, both run the job executor, and each timer and async job runs exactly once. The
 * complaint count is {@code disputeflow.cluster.complaints} (the build's default is small; -Pcluster runs 500).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DatabaseTest
class TwoNodeClusterTests {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterTests.class);
  private static final int COMPLAINTS = Integer.getInteger("disputeflow.cluster.complaints", 30);
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  static ClusterNode nodeA;
  static ClusterNode nodeB;
  static ExecutorService workers;
  /** The customers' mail server: the contest window runs from the decision's receipt, so letters must arrive. */
  static GreenMail mailServer;

  @BeforeAll
  static void startCluster() throws IOException {
    mailServer = new GreenMail(new ServerSetup(ApplicationProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    String[] mail = {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailServer.getSmtp().getPort(),
        "--disputeflow.mail.poll-interval=PT1S"};
    TestDatabase database = TestDatabase.postgres();
    // the first node creates the schemas on the empty database; the second finds them and the deployment
    nodeA = ClusterNode.start("node-a", database, mail);
    nodeB = ClusterNode.start("node-b", database, mail);
    workers = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopCluster() {
    workers.shutdownNow();
    nodeB.close();
    nodeA.close();
    mailServer.stop();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1) // first on the fresh database, so whole-database counts are this test's
  void shouldFireEveryTimerExactlyOnceAcrossBothNodes() throws Exception {
    long started = System.nanoTime();
    // given complaints taken in through both nodes' API and worked up to the decision on both nodes
    List<String> numbers = submit("CLUSTER", COMPLAINTS);
    workUpToTheDecision(numbers);
    long decided = System.nanoTime();
    awaitCount("contest-window timers", () -> timers(ResolutionProcess.TIMER_CONTEST_WINDOW_CLOSED), COMPLAINTS);

    // when the customers stay silent past the contest window (30 days from receiving the decision) …
    Duration pastContest = pastTheContestWindows(numbers);
    ClockUtil.offset(pastContest.toMillis());
    // … feedback starts and waits for the survey, then the survey window (7 days, however holidays move it) closes too
    awaitCount("survey-window timers", () -> timers(FeedbackProcess.TIMER_SURVEY_WINDOW_CLOSED), COMPLAINTS);
    ClockUtil.offset(pastContest.plusDays(20).toMillis());
    awaitCount("root-cause tasks", () -> openTasks(FeedbackProcess.USER_RECORD_ROOT_CAUSE), COMPLAINTS);
    long fired = System.nanoTime();

    // then every timer fired exactly once, counted from history, and no job is left behind
    HistoryService history = nodeA.engine.getHistoryService();
    ManagementService management = nodeA.engine.getManagementService();
    assertFiredOncePerCase(history, ResolutionProcess.TIMER_CONTEST_WINDOW_CLOSED, numbers.size());
    assertFiredOncePerCase(history, FeedbackProcess.TIMER_SURVEY_WINDOW_CLOSED, numbers.size());
    // the history cleanup job lives on and runs again in each nightly window the moved clock passes
    List<HistoricJobLog> successes = history.createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> !"history-cleanup".equals(log.getJobDefinitionType())).toList();
    Map<String, Long> runsPerJob = successes.stream().collect(groupingBy(HistoricJobLog::getJobId, counting()));
    assertThat(runsPerJob.values()).as("successful runs per job").containsOnly(1L);
    // every job a case created (async continuations, letters, timers: at least 7 a complaint) ran, but
    // the timers cancelled unfired (the decision clock's, once a case is decided)
    Set<String> created = history.createHistoricJobLogQuery().creationLog().list().stream()
        .filter(log -> log.getProcessInstanceId() != null).map(HistoricJobLog::getJobId).collect(toSet());
    created.removeAll(history.createHistoricJobLogQuery().deletionLog().list().stream()
        .map(HistoricJobLog::getJobId).collect(toSet()));
    assertThat(created).hasSizeGreaterThanOrEqualTo(7 * COMPLAINTS);
    assertThat(runsPerJob.keySet()).containsAll(created);
    Map<String, Long> runsPerNode = successes.stream()
        .collect(groupingBy(HistoricJobLog::getHostname, counting()));
    assertThat(runsPerNode).containsOnlyKeys("node-a", "node-b");
    assertThat(management.createJobQuery().list().stream().filter(job -> job.getProcessInstanceId() != null))
        .as("jobs of cases left").isEmpty();
    assertThat(nodeA.engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();

    // and our own tables agree: silence recorded once per case, each letter queued once
    JdbcClient jdbc = nodeA.context.getBean(JdbcClient.class);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE resolution_outcome = 'ACCEPTED_BY_SILENCE'")
        .query(Long.class).single()).isEqualTo(COMPLAINTS);
    assertThat(jdbc.sql("SELECT letter_type, COUNT(*) FROM letter GROUP BY letter_type")
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
        .containsExactlyInAnyOrder(Map.entry("ACKNOWLEDGEMENT", (long) COMPLAINTS),
            Map.entry("DECISION", (long) COMPLAINTS), Map.entry("SURVEY_INVITATION", (long) COMPLAINTS));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT complaint_number, letter_type FROM letter"
        + " GROUP BY complaint_number, letter_type HAVING COUNT(*) > 1) duplicates").query(Long.class).single())
        .as("letters queued twice").isZero();

    long failedRuns = history.createHistoricJobLogQuery().failureLog().count();
    LOG.info("Cluster: {} complaints on 2 nodes; {} timers fired, {} jobs run exactly once ({}), "
            + "duplicates 0, jobs left 0, failed attempts retried {}; intake to decision {} s, timers {} s",
        COMPLAINTS, 2 * COMPLAINTS, runsPerJob.size(), runsPerNode, failedRuns,
        (decided - started) / 1_000_000_000, (fired - decided) / 1_000_000_000);
  }

  @Test
  void shouldLetExactlyOneOfTwoNodesCompleteTheSameTask() throws Exception {
    // given open investigation tasks
    List<String> numbers = submit("SAME-TASK", 10);
    awaitAcknowledgementsSent(numbers);
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();

    for (String number : numbers) {
      Task task = task(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
      // when cora on node A and chen on node B complete it at the same moment
      CyclicBarrier together = new CyclicBarrier(2);
      Future<String> cora = workers.submit(() -> completeRacing(nodeA, task, "cora", together));
      Future<String> chen = workers.submit(() -> completeRacing(nodeB, task, "chen", together));

      // then one wins, the other is told clearly, and the case moved on once
      List<String> results = List.of(cora.get(), chen.get());
      assertThat(results).as("outcomes for %s", number).containsOnlyOnce("completed");
      results.stream().filter(result -> !result.equals("completed"))
          .forEach(loser -> outcomes.merge(loser, 1, Integer::sum));
      assertThat(nodeA.engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey(InvestigationProcess.USER_INVESTIGATE_COMPLAINT).finished().count()).isOne();
    }
    awaitCount("review tasks", () -> openTasks(DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, numbers), 10);
    assertThat(outcomes.keySet()).allMatch(loser -> loser.equals("optimistic locking") || loser.equals("gone"));
    LOG.info("Same task completed on two nodes at once, 10 times: one winner each; losers {}", outcomes);
  }

  @Test
  void shouldGiveOneOutcomeWhenCustomersAnswerAsTheContestWindowCloses() throws Exception {
    // given decided complaints waiting for the customer
    List<String> numbers = submit("RACE", 20);
    workUpToTheDecision(numbers);
    awaitCount("contest-window timers", () -> timers(ResolutionProcess.TIMER_CONTEST_WINDOW_CLOSED, numbers), 20);

    // when the window closes on the job executors while the customers' acceptances arrive on the API
    ClockUtil.offset(pastTheContestWindows(numbers).toMillis());
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      HttpApi api = (i % 2 == 0 ? nodeA : nodeB).api;
      String path = "/api/complaints/" + numbers.get(i) + "/customer-response";
      answers.add(workers.submit(() -> api.post(path, "intake", "{\"accepted\": true}").status()));
    }

    // then each case has exactly one outcome, and a customer who came too late gets a 409, never a 500
    Map<Integer, Long> statuses = new HashMap<>();
    for (Future<Integer> answer : answers) {
      statuses.merge(answer.get(), 1L, Long::sum);
    }
    assertThat(statuses.keySet()).isSubsetOf(202, 409);
    awaitCount("survey-window timers", () -> timers(FeedbackProcess.TIMER_SURVEY_WINDOW_CLOSED, numbers), 20);
    JdbcClient jdbc = nodeA.context.getBean(JdbcClient.class);
    Map<String, Long> resolutions = new HashMap<>();
    for (String number : numbers) {
      String outcome = jdbc.sql("SELECT resolution_outcome FROM complaint WHERE complaint_number = ?")
          .param(number).query(String.class).single();
      resolutions.merge(outcome, 1L, Long::sum);
      assertThat(nodeA.engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(number).processDefinitionKey(FeedbackProcess.KEY).count()).isOne();
    }
    assertThat(resolutions.keySet()).isSubsetOf("ACCEPTED", "ACCEPTED_BY_SILENCE");
    assertThat(resolutions.getOrDefault("ACCEPTED", 0L)).isEqualTo(statuses.getOrDefault(202, 0L));
    LOG.info("Customer answers racing the contest timer: HTTP {}, outcomes {}", statuses, resolutions);
  }

  private String completeRacing(ClusterNode node, Task task, String user, CyclicBarrier together) throws Exception {
    Map<String, Object> variables = investigation();
    together.await();
    try {
      CaseWorker.authenticate(node.engine.getIdentityService(), user);
      node.engine.getTaskService().complete(task.getId(), variables);
      return "completed";
    } catch (OptimisticLockingException e) {
      return "optimistic locking";
    } catch (RuntimeException e) {
      // the other completion committed before this one read the task, or before it checked the user's
      // permission on it (deleted with the task)
      assertThat(e.getMessage()).containsAnyOf("Cannot find task", "does not have one of the following permissions");
      return "gone";
    } finally {
      node.engine.getIdentityService().clearAuthentication();
    }
  }

  /** Submits complaints, alternately through each node's API, as the channel systems would. */
  private List<String> submit(String prefix, int count) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Callable<String>> intakes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpApi api = (i % 2 == 0 ? nodeA : nodeB).api;
      String body = Submissions.creditCardComplaint(prefix + "-" + i);
      intakes.add(() -> {
        HttpApi.Response response = api.post("/api/complaints", "intake", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("complaintNumber").asText();
      });
    }
    long started = System.nanoTime();
    List<String> numbers = new ArrayList<>();
    for (Future<String> number : workers.invokeAll(intakes)) {
      numbers.add(number.get());
    }
    LOG.info("{} intakes in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    return numbers;
  }

  /** Investigation, one department review and a rejected claim: the case then waits for the customer. */
  private void workUpToTheDecision(List<String> numbers) throws Exception {
    awaitAcknowledgementsSent(numbers);
    completeAll(numbers, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation());
    completeAll(numbers, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "账单复核：扣款正确", "reviewRecommendation", "REJECT"));
    completeAll(numbers, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora",
        Map.of("decision", "REJECT", "compensationAmount", 0.0, "decisionGrounds", "The charge was authorised"));
  }

  /** Waits for each case's task (the job executors run the async steps before it), then completes them all. */
  private void completeAll(List<String> numbers, String taskKey, String user, Map<String, Object> variables)
      throws Exception {
    long started = System.nanoTime();
    awaitCount(taskKey + " tasks", () -> openTasks(taskKey, numbers), numbers.size());
    long ready = System.nanoTime();
    List<Callable<Void>> completions = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
      Task task = task(numbers.get(i), taskKey);
      completions.add(() -> {
        node.complete(task, user, variables);
        return null;
      });
    }
    for (Future<Void> completion : workers.invokeAll(completions)) {
      completion.get();
    }
    LOG.info("{} x {}: waited {} ms for the tasks, completed them in {} ms", numbers.size(), taskKey,
        (ready - started) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);
  }

  private static Map<String, Object> investigation() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "客户陈述属实，需部门复核");
    variables.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards"));
    return variables;
  }

  private static Task task(String number, String taskKey) {
    return nodeA.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(taskKey).singleResult();
  }

  private static long openTasks(String taskKey, List<String> numbers) {
    return nodeA.engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey)
        .processInstanceBusinessKeyIn(numbers.toArray(String[]::new)).count();
  }

  private static long openTasks(String taskKey) {
    return nodeA.engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).count();
  }

  private static long timers(String activityId) {
    return nodeA.engine.getManagementService().createJobQuery().timers().activityId(activityId).count();
  }

  private static long timers(String activityId, List<String> numbers) {
    return numbers.stream().filter(number -> nodeA.engine.getManagementService().createJobQuery().timers()
        .activityId(activityId).processInstanceId(subprocessOf(number, activityId)).count() == 1).count();
  }

  private static String subprocessOf(String number, String activityId) {
    String key = activityId.equals(ResolutionProcess.TIMER_CONTEST_WINDOW_CLOSED) ? ResolutionProcess.KEY
        : FeedbackProcess.KEY;
    var instance = nodeA.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(key).singleResult();
    return instance == null ? "none" : instance.getId();
  }

  /**
   * How far the clock must move for every case's contest window to have passed: the decision letters
   * reach the customers first (the window runs from receipt), then the latest window's end, a minute on.
   */
  private static Duration pastTheContestWindows(List<String> numbers) {
    JdbcClient jdbc = nodeA.context.getBean(JdbcClient.class);
    awaitCount("decision letters sent", () -> numbers.stream().filter(number -> jdbc.sql("SELECT COUNT(*) FROM letter"
        + " WHERE complaint_number = ? AND letter_type = 'DECISION' AND status = 'SENT'").param(number)
        .query(Long.class).single() == 1).count(), numbers.size());
    ContestWindow windows = nodeA.context.getBean(ContestWindow.class);
    Instant latest = numbers.stream().map(number -> windows.until(number).orElseThrow().toInstant())
        .max(Comparator.naturalOrder()).orElseThrow();
    return Duration.between(Instant.now(), latest).plusMinutes(1);
  }

  /**
   * The coordinators open the cases once the acknowledgements went out, as people do seconds later: a
   * letter's delivery refreshes the letters shown on the case's open tasks, and a task claimed in that same
   * instant loses to it (OptimisticLockingException, "changed meanwhile"; docs/operators.md#letters).
   */
  private static void awaitAcknowledgementsSent(List<String> numbers) {
    JdbcClient jdbc = nodeA.context.getBean(JdbcClient.class);
    awaitCount("acknowledgements sent", () -> numbers.stream().filter(number -> jdbc.sql("SELECT COUNT(*) FROM letter"
        + " WHERE complaint_number = ? AND letter_type = 'ACKNOWLEDGEMENT' AND status = 'SENT'").param(number)
        .query(Long.class).single() == 1).count(), numbers.size());
  }

  private static void awaitCount(String what, Callable<Long> count, long expected) {
    await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(count, n -> n == expected);
  }

  private static void assertFiredOncePerCase(HistoryService history, String timerId, int cases) {
    List<HistoricActivityInstance> firings = history.createHistoricActivityInstanceQuery().activityId(timerId)
        .finished().list();
    assertThat(firings).as("%s fired", timerId).hasSize(cases);
    assertThat(firings.stream().map(HistoricActivityInstance::getProcessInstanceId).distinct())
        .as("%s fired once per case", timerId).hasSize(cases);
  }
}
