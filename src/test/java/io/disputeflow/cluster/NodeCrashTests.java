package io.disputeflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.Submissions;
import io.disputeflow.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A node killed with SIGKILL in the middle of a burst of intakes and task completions loses nothing:
 * after the restart every acknowledged complaint is there with its process, its letter and exactly one
 * open task, and every acknowledged completion has moved its case on.
 */
@DatabaseTest
class NodeCrashTests {

  private static final Logger LOG = LoggerFactory.getLogger(NodeCrashTests.class);
  private static final int MAX_INTAKES = 400;
  // a job locked by the killed node is taken over when its lock expires: keep that short here
  private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=5000";
  /** The killed node's; a {@link ClusterNode} polls as often already. */
  private static final String[] NODE_SETTINGS = {LOCK_TIME,
      "--camunda.bpm.job-execution.wait-time-in-millis=200",
      "--camunda.bpm.job-execution.max-wait=1000"};

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
  private final Set<String> attempted = ConcurrentHashMap.newKeySet();
  private final Set<String> completed = ConcurrentHashMap.newKeySet();
  private final Queue<String> toComplete = new ConcurrentLinkedQueue<>();
  private final AtomicInteger cutOffCompletions = new AtomicInteger();

  @Test
  void shouldLoseNothingWhenANodeIsKilledDuringABurst() throws Exception {
    killDuringABurst(TestDatabase.postgres(), Path.of("target", "crash-test"));
  }

  /**
   * The same on the default H2 file, with the database settings of application.yaml: H2 writes a commit
   * to its file only after a delay unless told otherwise, so an acknowledged complaint could vanish.
   */
  @Test
  void shouldLoseNothingOnTheDefaultH2FileWhenTheNodeIsKilledDuringABurst() throws Exception {
    Path logs = Path.of("target", "crash-test-h2");
    killDuringABurst(configuredH2File(logs.resolve("data-" + System.nanoTime())), logs);
  }

  /**
   * application.yaml's H2 URL in another folder. AUTO_SERVER lets the test read the file the node holds;
   * H2 refuses it beside DB_CLOSE_ON_EXIT=FALSE, which only concerns a clean shutdown, not a kill.
   */
  private static TestDatabase configuredH2File(Path folder) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    String configured = yaml.getObject().getProperty("spring.datasource.url");
    assertThat(configured).startsWith("jdbc:h2:file:./data/");
    return new TestDatabase(configured.replace("./data/", folder.toAbsolutePath() + "/")
        .replace(";DB_CLOSE_ON_EXIT=FALSE", "") + ";AUTO_SERVER=TRUE", "sa", "");
  }

  private void killDuringABurst(TestDatabase database, Path logs) throws Exception {
    NodeProcess node = NodeProcess.start(database, logs.resolve("node-before-kill.log"), NODE_SETTINGS);

    // given a burst of intakes and investigation completions from four channels at once
    long burstStarted = System.nanoTime();
    ExecutorService channels = Executors.newFixedThreadPool(4);
    AtomicInteger references = new AtomicInteger();
    List<Future<?>> bursts = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        bursts.add(channels.submit(() -> burst(node.api, references)));
      }
      await("a burst under way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
          .until(() -> acknowledged.size() >= 12 && completed.size() >= 4
              || bursts.stream().anyMatch(Future::isDone));
    } finally {
      // when the node is killed mid-burst
      node.kill();
    }
    long killedAt = System.nanoTime();
    for (Future<?> burst : bursts) {
      burst.get(1, TimeUnit.MINUTES);
    }
    channels.shutdown();
    // each channel was in the middle of an intake or of a task completion when the node died
    assertThat(unanswered.size() + cutOffCompletions.get())
        .as("requests cut off by the kill (%d acknowledged, %d completed by then)", acknowledged.size(),
            completed.size()).isPositive();
    int acknowledgedBeforeKill = acknowledged.size();
    int completedBeforeKill = completed.size();

    // and restarted on the same database (in this JVM: what the restart must show is the database the kill left)
    ClusterNode restarted = ClusterNode.start("restarted-node", database, LOCK_TIME);
    long restartedAt = System.nanoTime();
    try {
      // then the channels' retries of unanswered requests find their case or create it, never a second one
      for (String reference : unanswered) {
        HttpApi.Response retry = restarted.api.post("/api/complaints", "intake", Submissions.creditCardComplaint(reference));
        assertThat(retry.status()).as(retry.body()).isIn(200, 201);
        acknowledged.put(reference, json.readTree(retry.body()).get("complaintNumber").asText());
      }
      JdbcClient db = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(),
          database.password()));
      // the jobs the killed node had locked or not yet run are taken over once their locks expire (the
      // decision clock's timers wait for their days; the engine's history cleanup job lives on)
      await("jobs done").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
          .until(() -> count(db, "SELECT COUNT(*) FROM act_ru_job WHERE type_ <> 'ever-living'"
              + " AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP)") == 0);
      long drained = System.nanoTime();

      reconcile(db);
      LOG.info("Crash: killed during a burst after {} acknowledged intakes and {} acknowledged completions, {} requests"
              + " unanswered and retried; after restart {} complaints = {} processes = {} open tasks = {} letters,"
              + " losses 0, duplicates 0; burst {} s, restart {} s, jobs taken over in {} s",
          acknowledgedBeforeKill, completedBeforeKill, unanswered.size(), acknowledged.size(), acknowledged.size(),
          acknowledged.size(), acknowledged.size(), seconds(killedAt - burstStarted), seconds(restartedAt - killedAt),
          seconds(drained - restartedAt));
    } finally {
      restarted.close();
    }
  }

  /** One channel: takes complaints in and works an earlier one's investigation, until the node is gone. */
  private void burst(HttpApi api, AtomicInteger references) {
    for (int i = references.getAndIncrement(); i < MAX_INTAKES; i = references.getAndIncrement()) {
      String reference = "BURST-" + i;
      try {
        HttpApi.Response response = api.post("/api/complaints", "intake", Submissions.creditCardComplaint(reference));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String number = json.readTree(response.body()).get("complaintNumber").asText();
        acknowledged.put(reference, number);
        toComplete.add(number);
      } catch (IOException e) {
        unanswered.add(reference);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String number = toComplete.poll();
      if (number != null) {
        attempted.add(number);
        try {
          completeInvestigation(api, number);
        } catch (IOException e) {
          cutOffCompletions.incrementAndGet();
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** As Tasklist does it: find the task through the engine REST API and complete it with the form's values. */
  private void completeInvestigation(HttpApi api, String number) throws IOException, InterruptedException {
    HttpApi.Response tasks = api.get("/engine-rest/task?processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=" + InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora");
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    JsonNode task = json.readTree(tasks.body()).get(0);
    assertThat(task).as("investigation task of %s: %s", number, tasks.body()).isNotNull();
    HttpApi.Response response = api.post("/engine-rest/task/" + task.get("id").asText() + "/complete", "cora", """
        {"variables": {"investigationFindings": {"value": "客户陈述属实"}, "legalNeeded": {"value": false},
                       "departments": {"value": "dept-cards"}}}""");
    assertThat(response.status()).as(response.body()).isEqualTo(204);
    completed.add(number);
  }

  /** Our table, the engine's and the letters agree exactly, case by case. */
  private void reconcile(JdbcClient db) {
    Set<String> numbers = Set.copyOf(acknowledged.values());
    assertThat(numbers).as("one case per reference").hasSize(acknowledged.size());
    assertThat(db.sql("SELECT complaint_number FROM complaint").query(String.class).set())
        .as("complaints").isEqualTo(numbers);
    assertThat(db.sql("SELECT e.business_key_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
            + " WHERE e.id_ = e.proc_inst_id_ AND d.key_ = ?").param(ComplaintHandlingProcess.KEY)
        .query(String.class).list())
        .as("one running complaint-handling process per complaint").hasSize(numbers.size())
        .containsExactlyInAnyOrderElementsOf(numbers);
    Map<String, String> openTask = new HashMap<>();
    db.sql("SELECT p.business_key_, t.task_def_key_ FROM act_ru_task t JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_")
        .query((rs, row) -> openTask.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "+" + b)).list();
    assertThat(openTask.keySet()).as("cases with an open task").isEqualTo(numbers);
    for (String number : numbers) {
      if (completed.contains(number)) {
        assertThat(openTask.get(number)).as("open task of %s", number)
            .isEqualTo(DepartmentReviewProcess.USER_REVIEW_DEPARTMENT);
      } else if (attempted.contains(number)) {
        // sent but not answered before the kill: committed or not, but one task either way
        assertThat(openTask.get(number)).as("open task of %s", number)
            .isIn(InvestigationProcess.USER_INVESTIGATE_COMPLAINT, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT);
      } else {
        assertThat(openTask.get(number)).as("open task of %s", number)
            .isEqualTo(InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
      }
    }
    Map<String, String> stages = new HashMap<>();
    db.sql("SELECT complaint_number, stage FROM complaint").query((rs, row) -> stages.put(rs.getString(1),
        rs.getString(2))).list();
    numbers.forEach(number -> assertThat(stages.get(number)).as("stage of %s", number)
        .isEqualTo(openTask.get(number).equals(InvestigationProcess.USER_INVESTIGATE_COMPLAINT)
            ? "INVESTIGATION" : "DEPARTMENT_REVIEW"));
    assertThat(db.sql("SELECT complaint_number FROM letter WHERE letter_type = 'ACKNOWLEDGEMENT'")
        .query(String.class).list()).as("one acknowledgement per complaint").hasSize(numbers.size())
        .containsExactlyInAnyOrderElementsOf(numbers);
    assertThat(count(db, "SELECT COUNT(*) FROM letter")).as("letters").isEqualTo(numbers.size());
    assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
  }

  private static long count(JdbcClient db, String sql) {
    return db.sql(sql).query(Long.class).single();
  }

  private static long seconds(long nanos) {
    return TimeUnit.NANOSECONDS.toSeconds(nanos);
  }
}
