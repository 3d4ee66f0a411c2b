package io.disputeflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.IntakeProcess;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.HttpApi;
import io.disputeflow.support.Submissions;
import io.disputeflow.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The restore drill of docs/operations/backup.md: an online base backup of the PostgreSQL server under a
 * running node, restored into a new server, brings every case back with its tasks, timers, queued
 * letters and hash chain, and a node started on it carries on numbering where the original stopped.
 *
 * <p>The backup is PostgreSQL's low-level base backup ({@code pg_backup_start}, a copy of the data
 * directory, {@code pg_backup_stop}, the WAL written meanwhile) because the embedded server ships no
 * {@code pg_dump} or {@code pg_basebackup}; both do the same with one command in production.
 */
@DatabaseTest
class BackupRestoreTests {

  private static final Logger LOG = LoggerFactory.getLogger(BackupRestoreTests.class);
  private static final int COMPLAINTS = 12;
  private static final int INVESTIGATED = 4;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldRestoreEveryCaseWithItsTasksTimersLettersAndHashChainFromAnOnlineBaseBackup(@TempDir Path backup)
      throws Exception {
    // given a node with open cases at two stages, an answered (closed, anchored) inquiry and letters queued:
    // no mail server is configured, so every letter waits in the outbox
    TestDatabase database = TestDatabase.postgres();
    String databaseName = database.url().replaceFirst(".*/", "");
    ClusterNode source = ClusterNode.start("backup-source", database);
    List<String> numbers = new ArrayList<>();
    String inquiry;
    Map<String, String> expected;
    JsonNode closedInquiryVerification;
    long backupMillis;
    try {
      for (int i = 0; i < COMPLAINTS; i++) {
        numbers.add(intake(source.api, Submissions.creditCardComplaint("BACKUP-" + i)));
      }
      for (String number : numbers.subList(0, INVESTIGATED)) {
        completeTask(source, number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", Map.of(
            "investigationFindings", "客户陈述属实", "legalNeeded", false, "departments", "dept-cards"));
      }
      inquiry = intake(source.api, Submissions.creditCardComplaint("BACKUP-INQUIRY")
          .replaceFirst("\\{", "{\"inquiryOnly\": true,"));
      completeTask(source, inquiry, IntakeProcess.USER_ANSWER_INQUIRY, "chen",
          Map.of("inquiryAnswer", "账单已核对，无重复扣款"));
      JdbcClient sourceDb = jdbc(database);
      await("the cases settle (no job due)").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
          .until(() -> sourceDb.sql("SELECT COUNT(*) FROM act_ru_job WHERE type_ <> 'ever-living'"
              + " AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP)").query(Long.class).single() == 0);
      closedInquiryVerification = verify(source.api, inquiry);
      assertThat(closedInquiryVerification.get("status").asText()).as(closedInquiryVerification.toString())
          .isEqualTo("VERIFIED");
      assertThat(closedInquiryVerification.get("anchoredEntries").asInt()).isPositive();
      expected = state(sourceDb, source.api, numbers, inquiry);

      // when the PostgreSQL server is backed up while the node keeps running on it
      long started = System.nanoTime();
      onlineBaseBackup(database, backup);
      backupMillis = (System.nanoTime() - started) / 1_000_000;
    } finally {
      source.close();
    }

    // and restored into a new server, with a node started on it
    long restoreStarted = System.nanoTime();
    try (EmbeddedPostgres restoredServer = EmbeddedPostgres.builder().setDataDirectory(backup)
        .setCleanDataDirectory(false).start()) {
      TestDatabase restored = new TestDatabase(
          restoredServer.getJdbcUrl("postgres", databaseName).replaceFirst("\\?.*", ""), "postgres", "postgres");
      try (ClusterNode node = ClusterNode.start("backup-restored", restored)) {
        long restoreMillis = (System.nanoTime() - restoreStarted) / 1_000_000;

        // then every case, task, timer and letter is there as it was, and each case's history hashes alike
        JdbcClient restoredDb = jdbc(restored);
        assertThat(state(restoredDb, node.api, numbers, inquiry)).isEqualTo(expected);
        JsonNode verification = verify(node.api, inquiry);
        assertThat(verification.get("status").asText()).as(verification.toString()).isEqualTo("VERIFIED");
        assertThat(verification.get("anchoredHeadHash").asText())
            .isEqualTo(closedInquiryVerification.get("anchoredHeadHash").asText());

        // and the restored node takes complaints on under the next number, never one already given
        String next = intake(node.api, Submissions.creditCardComplaint("BACKUP-AFTER-RESTORE"));
        assertThat(Set.copyOf(numbers)).doesNotContain(next).doesNotContain(inquiry);
        assertThat(next.compareTo(inquiry)).as("%s follows %s", next, inquiry).isPositive();
        LOG.info("Restore drill: {} complaints, {} open tasks, {} timers, {} letters; online base backup {} ms"
                + " ({} MB), restore and node start {} ms", numbers.size() + 1, expected.get("tasks").lines().count(),
            expected.get("timers").lines().count(), expected.get("letters").lines().count(), backupMillis,
            size(backup) / (1024 * 1024), restoreMillis);
      }
    }
  }

  @Test
  void shouldRestoreTheH2FileFromAnOnlineBackupTakenThroughTheActuator(@TempDir Path folder) throws Exception {
    // given a node on an H2 file with the settings ./mvnw spring-boot:run has, with open cases and their clocks
    ClusterNode node = ClusterNode.start("h2-node", h2File(folder.resolve("data")),
        "--disputeflow.backup.folder=" + folder.resolve("backups"));
    List<String> numbers = new ArrayList<>();
    Map<String, String> expected = new TreeMap<>();
    JsonNode backup;
    try {
      for (int i = 0; i < 5; i++) {
        numbers.add(intake(node.api, Submissions.creditCardComplaint("H2-BACKUP-" + i)));
      }
      for (String number : numbers) {
        expected.put(number, caseAsSeen(node.api, number));
      }

      // when an operator takes the online backup while the node runs
      HttpApi.Response response = node.api.post("/actuator/backup", "admin", "");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      backup = json.readTree(response.body());
      // and a coordinator may not
      assertThat(node.api.post("/actuator/backup", "cora", "").status()).isEqualTo(403);
    } finally {
      node.close();
    }
    Path zip = Path.of(backup.get("file").asText());
    assertThat(zip).startsWith(folder.resolve("backups")).exists();
    assertThat(backup.get("bytes").asLong()).isEqualTo(Files.size(zip));

    // and restores it into a new folder, with a node started on it
    Path restored = folder.resolve("restored");
    unzip(zip, restored);
    long restoreStarted = System.nanoTime();
    ClusterNode restoredNode = ClusterNode.start("h2-restored", h2File(restored));
    LOG.info("H2 restore drill: {} complaints; online BACKUP TO {} ms ({} KB), restored node ready in {} ms",
        numbers.size(), backup.get("millis").asLong(), backup.get("bytes").asLong() / 1024,
        (System.nanoTime() - restoreStarted) / 1_000_000);
    try {
      // then every case is there with the same record, clock and history
      for (String number : numbers) {
        assertThat(caseAsSeen(restoredNode.api, number)).as(number).isEqualTo(expected.get(number));
      }
    } finally {
      restoredNode.close();
    }
  }

  /** The case's record with its deadlines, and its timeline's length and head hash. */
  private String caseAsSeen(HttpApi api, String number) throws Exception {
    HttpApi.Response complaint = api.get("/api/complaints/" + number, "cora");
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(200);
    HttpApi.Response timeline = api.get("/api/complaints/" + number + "/timeline", "audrey");
    assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
    JsonNode read = json.readTree(timeline.body());
    return complaint.body() + "\n" + read.get("entryCount").asInt() + " " + read.get("headHash").asText();
  }

  /** application.yaml's H2 settings on a file in the given folder. */
  private static TestDatabase h2File(Path folder) {
    return new TestDatabase("jdbc:h2:file:" + folder.toAbsolutePath().resolve("disputeflow")
        + ";WRITE_DELAY=0", "sa", "");
  }

  private static void unzip(Path zip, Path folder) throws IOException {
    Files.createDirectories(folder);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Files.copy(in, folder.resolve(entry.getName()));
      }
    }
  }

  /** What a restore must bring back, as sorted text per kind so a difference reads at once. */
  private Map<String, String> state(JdbcClient db, HttpApi api, List<String> numbers, String inquiry)
      throws Exception {
    Map<String, String> state = new TreeMap<>();
    state.put("complaints", lines(db, "SELECT complaint_number || ' ' || status || ' ' || stage FROM complaint"));
    state.put("tasks", lines(db, "SELECT p.business_key_ || ' ' || t.task_def_key_ || ' ' || COALESCE(t.assignee_, '-')"
        + " || ' ' || COALESCE(CAST(t.due_date_ AS VARCHAR), '-')"
        + " FROM act_ru_task t JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_"));
    state.put("timers", lines(db, "SELECT p.business_key_ || ' ' || j.handler_cfg_ || ' ' || CAST(j.duedate_ AS VARCHAR)"
        + " FROM act_ru_job j JOIN act_ru_execution p ON p.id_ = j.process_instance_id_ WHERE j.type_ = 'timer'"));
    state.put("letters", lines(db, "SELECT complaint_number || ' ' || letter_type || ' ' || status FROM letter"));
    StringBuilder heads = new StringBuilder();
    for (String number : Stream.concat(numbers.stream(), Stream.of(inquiry)).toList()) {
      HttpApi.Response timeline = api.get("/api/complaints/" + number + "/timeline", "audrey");
      assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
      JsonNode read = json.readTree(timeline.body());
      heads.append(number).append(' ').append(read.get("entryCount").asInt()).append(' ')
          .append(read.get("headHash").asText()).append('\n');
    }
    state.put("timeline heads", heads.toString());
    assertThat(state.get("letters")).as("letters waiting in the outbox").contains("QUEUED");
    assertThat(state.get("timers")).as("the decision clocks' timers").isNotEmpty();
    return state;
  }

  private static String lines(JdbcClient db, String sql) {
    return String.join("\n", db.sql(sql + " ORDER BY 1").query(String.class).list()) + "\n";
  }

  /**
   * PostgreSQL's non-exclusive low-level backup: the session that starts it must end it. Files that
   * change while they are copied are made consistent by replaying the WAL written until the stop.
   */
  private static void onlineBaseBackup(TestDatabase database, Path target) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
        Statement statement = connection.createStatement()) {
      Path dataDirectory = Path.of(single(statement, "SHOW data_directory"));
      statement.execute("SELECT pg_backup_start('disputeflow-restore-drill', true)");
      copy(dataDirectory, target, path -> !path.startsWith(dataDirectory.resolve("pg_wal")));
      String label = single(statement, "SELECT labelfile FROM pg_backup_stop(false)");
      Files.writeString(target.resolve("backup_label"), label);
      copy(dataDirectory.resolve("pg_wal"), target.resolve("pg_wal"), path -> true);
    }
  }

  private static void copy(Path from, Path to, java.util.function.Predicate<Path> included) throws IOException {
    // the running server's lock and pid files and the embedded server's own lock are not data, nor are the
    // relation caches' init files, which PostgreSQL rebuilds at recovery (pg_basebackup leaves them out too)
    Set<String> runtimeFiles = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_internal.init");
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
        if (!directory.equals(from) && !included.test(directory)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(directory).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (included.test(file) && !runtimeFiles.contains(file.getFileName().toString())) {
          try {
            Files.copy(file, to.resolve(from.relativize(file).toString()));
          } catch (NoSuchFileException vanished) {
            // a temporary file the server removed while we copied: the WAL replay does not need it
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
        if (failure instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // removed between the directory's listing and our reading it
        }
        throw failure;
      }
    });
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private String intake(HttpApi api, String submission) throws Exception {
    HttpApi.Response response = api.post("/api/complaints", "intake", submission);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("complaintNumber").asText();
  }

  /** As a coordinator does in Tasklist: claims the case's task once it is there, and completes it. */
  private static void completeTask(ClusterNode node, String number, String taskKey, String user,
      Map<String, Object> variables) {
    // the case reaches its first task through asynchronous continuations of the intake
    Task task = await(taskKey + " of " + number).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
        .until(() -> node.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
            .taskDefinitionKey(taskKey).singleResult(), found -> found != null);
    node.complete(task, user, variables);
  }

  private JsonNode verify(HttpApi api, String number) throws Exception {
    HttpApi.Response response = api.get("/api/complaints/" + number + "/timeline/verify", "audrey");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JdbcClient jdbc(TestDatabase database) {
    return JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), database.password()));
  }

  private static long size(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }
}
