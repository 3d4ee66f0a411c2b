package io.disputeflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.correspondence.LetterService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof that the timeline pipeline builds the same timelines as the assembler before it: after every
 * Spring test class (before its context may be closed), every case in that context's database is built
 * both ways and compared byte for byte, as JSON and as CSV, hashes included. Switched on with
 * {@code -Dtimeline.equivalence=true}; each comparison is appended to target/timeline-equivalence.txt.
 */
public class TimelineEquivalenceListener implements TestExecutionListener, Ordered {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // its afterTestClass runs first, before DirtiesContext closes the context
  }

  @Override
  public void afterTestClass(TestContext testContext) throws Exception {
    if (!Boolean.getBoolean("timeline.equivalence") || !testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    ObjectMapper json = context.getBean(ObjectMapper.class);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TimelineService now = context.getBean(TimelineService.class);
    LegacyTimelineService before = new LegacyTimelineService(context.getBean(HistoryService.class),
        context.getBean(CaseHistoryReads.class), context.getBean(RepositoryService.class),
        context.getBean(ComplaintRepository.class), context.getBean(LetterService.class), jdbc,
        ZoneId.of(context.getEnvironment().getRequiredProperty("disputeflow.zone")));
    TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    readOnly.setReadOnly(true);
    List<String> numbers = jdbc.sql("SELECT complaint_number FROM complaint ORDER BY complaint_number")
        .query(String.class).list();
    StringBuilder log = new StringBuilder();
    long entries = 0;
    MessageDigest all = MessageDigest.getInstance("SHA-256");
    for (String number : numbers) {
      Timeline expected = readOnly.execute(status -> before.timeline(number));
      Timeline actual = now.timeline(number);
      String expectedJson = json.writeValueAsString(expected);
      String actualJson = json.writeValueAsString(actual);
      String expectedCsv = TimelineCsv.write(expected, json);
      String actualCsv = TimelineCsv.write(actual, json);
      if (!expectedJson.equals(actualJson) || !expectedCsv.equals(actualCsv)) {
        Path dir = Path.of("target", "timeline-equivalence");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(number + ".before.json"), expectedJson);
        Files.writeString(dir.resolve(number + ".after.json"), actualJson);
        throw new AssertionError("The timeline of " + number + " differs from the one built before the pipeline ("
            + testContext.getTestClass().getSimpleName() + "); see " + dir);
      }
      entries += actual.entryCount();
      all.update(actualJson.getBytes(StandardCharsets.UTF_8));
      all.update(actualCsv.getBytes(StandardCharsets.UTF_8));
    }
    log.append(testContext.getTestClass().getSimpleName()).append(": ").append(numbers.size()).append(" cases, ")
        .append(entries).append(" entries, identical as JSON and CSV; digest ")
        .append(HexFormat.of().formatHex(all.digest())).append('\n');
    try {
      Files.writeString(Path.of("target", "timeline-equivalence.txt"), log, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
