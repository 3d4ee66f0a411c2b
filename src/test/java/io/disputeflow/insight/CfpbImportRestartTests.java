package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.support.DatabaseTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A node dies mid-import: another node takes the import over once the dead node's lease ran out and
 * continues after the last batch committed, importing no row twice. The nodes are two runner names in
 * this context ("node-a" stops after two batches, as a killed JVM stops: without giving its lease
 * back); the engine clock moves past the lease. Shares the database of {@link CfpbImportApiTests}.
 */
@SpringBootTest(properties = CfpbImportPolling.IMPORT_DATABASE)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DatabaseTest
class CfpbImportRestartTests {

  /** Each stored import carries its batch size; small ones keep the rows (a case each) few. */
  private static final int BATCH = 20;
  /** Two committed batches, and a third, partial one that the stalled node loses. */
  private static final int ROWS = 2 * BATCH + 15;

  @Autowired CfpbImportRunner runner;
  @Autowired CfpbImportRepository imports;
  @Autowired CfpbImporter importer;
  @Autowired HistoryService historyService;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Value("${disputeflow.imports.lease}") Duration lease;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldContinueAnImportWhoseNodeDiedAfterItsLastCommittedBatchWithoutImportingARowTwice() throws Exception {
    // given a stored file of 55 rows (its node died before it began) and node A running two batches of it
    List<String> ids = IntStream.rangeClosed(1, ROWS).mapToObj(i -> "R-" + (700_000 + i)).toList();
    String id = store(csv(ids));
    assertThat(runner.claim(id, "node-a")).isTrue();
    assertThat(runner.run(id, "node-a", 2)).isEqualTo(CfpbImportRunner.Ended.STOPPED);
    // node A dies here: its lease stays
    JsonNode midway = progress(id);
    assertThat(midway.get("status").asText()).isEqualTo("RUNNING");
    assertThat(midway.get("processed").asInt()).isEqualTo(2 * BATCH);
    assertThat(midway.get("created").asInt()).isEqualTo(2 * BATCH);
    assertThat(midway.get("runningOn").asText()).isEqualTo("node-a");
    assertThat(complaintsOf(ids)).isEqualTo(2 * BATCH);

    // when node B looks: node A may only be slow while its lease lasts
    assertThat(runner.claim(id, "node-b")).isFalse();
    // once the lease has run out, node B takes the import over
    ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.now().plus(lease).plusSeconds(1).toInstant()));
    assertThat(runner.claim(id, "node-b")).isTrue();

    // node A was not dead but stalled: its next batch is rolled back whole, nothing of it stays
    assertThat(runner.run(id, "node-a", 1)).isEqualTo(CfpbImportRunner.Ended.LEASE_LOST);
    assertThat(complaintsOf(ids)).isEqualTo(2 * BATCH);

    // then node B continues after the last committed batch to the end
    assertThat(runner.run(id, "node-b", Integer.MAX_VALUE)).isEqualTo(CfpbImportRunner.Ended.DONE);
    JsonNode done = progress(id);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("processed").asInt()).isEqualTo(ROWS);
    assertThat(done.get("created").asInt()).isEqualTo(ROWS);
    assertThat(done.get("alreadyImported").asInt()).isZero();
    assertThat(done.get("rejected").asInt()).isZero();
    assertThat(done.has("runningOn")).isFalse();
    // every row exactly one complaint with one complaint-handling process
    assertThat(complaintsOf(ids)).isEqualTo(ROWS);
    List<String> numbers = jdbc.sql("SELECT complaint_number FROM complaint WHERE external_reference IN (:ids)")
        .param("ids", ids).query(String.class).list();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintHandlingProcess.KEY)
        .processInstanceBusinessKeyIn(numbers.toArray(String[]::new)).count()).isEqualTo(ROWS);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM regulator_referral WHERE source_id IN (:ids)").param("ids", ids)
        .query(Long.class).single()).isEqualTo(ROWS);
  }

  @Test
  void shouldLetAStoppingNodeGiveItsImportBackForAnotherToContinueAtOnce() {
    List<String> ids = IntStream.rangeClosed(1, 30).mapToObj(i -> "S-" + (700_000 + i)).toList();
    String id = store(csv(ids));
    assertThat(runner.claim(id, "node-a")).isTrue();
    imports.release(id, "node-a");

    assertThat(runner.claim(id, "node-b")).isTrue();
    assertThat(runner.run(id, "node-b", Integer.MAX_VALUE)).isEqualTo(CfpbImportRunner.Ended.DONE);
    assertThat(complaintsOf(ids)).isEqualTo(30);
  }

  private String store(String csv) {
    var file = importer.read(new java.io.StringReader(csv));
    String id = UUID.randomUUID().toString();
    imports.insert(id, csv, file.layout(), file.rows().size(), BATCH, 0, "intake", OffsetDateTime.now());
    return id;
  }

  private JsonNode progress(String id) throws Exception {
    return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/api/imports/" + id).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic("intake", "demo")))
        .andReturn().getResponse().getContentAsString());
  }

  private long complaintsOf(List<String> ids) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE channel = 'REGULATOR_REFERRAL' AND external_reference IN (:ids)")
        .param("ids", ids).query(Long.class).single();
  }

  private static String csv(List<String> ids) {
    StringBuilder csv = new StringBuilder("Date received,Product,Issue,Sub-issue,Submitted via,Complaint ID\r\n");
    for (int i = 0; i < ids.size(); i++) {
      csv.append("2019-05-").append(String.format("%02d", 1 + i % 28))
          .append(",Checking or savings account,Managing an account,Deposits and withdrawals,Web,")
          .append(ids.get(i)).append("\r\n");
    }
    return csv.toString();
  }
}
