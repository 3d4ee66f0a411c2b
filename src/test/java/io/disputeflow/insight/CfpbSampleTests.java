package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.support.DatabaseTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The shared CFPB sample through the application: imported through intake, reported on, and replayed
 * day by day through the early-warning detector. The default build uses the first 150 rows of a 300-row
 * excerpt (src/test/resources/cfpb; {@code -Ddisputeflow.cfpb.sample-rows=300} takes all of it);
 * {@code -Ddisputeflow.cfpb.sample=/path/to/cfpb-complaints-sample.csv} runs
 * the whole file. The figures are printed for the README and the closing note. It shares the database
 * of {@link CfpbImportApiTests} (years-old complaints stay away from tests that run due jobs), so it
 * counts the sample's own complaints.
 */
@SpringBootTest(properties = CfpbImportPolling.IMPORT_DATABASE)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DatabaseTest
class CfpbSampleTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;
  @Autowired EarlyWarningRepository repository;
  @Autowired EarlyWarningProperties properties;
  @Value("${disputeflow.zone}") ZoneId zone;

  /** Rows of the excerpt the default build imports: what the tests show needs no more, the rate is the benchmark's. */
  private static final int EXCERPT_ROWS = Integer.getInteger("disputeflow.cfpb.sample-rows", 150);

  private byte[] sample;
  private List<Map<String, String>> rows;
  private JsonNode firstImport;

  @BeforeAll
  void importSample() throws Exception {
    String path = System.getProperty("disputeflow.cfpb.sample");
    sample = path == null || path.isBlank()
        ? firstRecords(new ClassPathResource("cfpb/cfpb-complaints-300.csv").getContentAsByteArray(), EXCERPT_ROWS)
        : Files.readAllBytes(Path.of(path));
    rows = parse(sample);
    long started = System.nanoTime();
    firstImport = importCsv();
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(Locale.ROOT, "CFPB sample: %d rows imported through intake in %.1f s from the POST to DONE"
            + " (%.1f rows a second; the import's own rate %s rows a second)%n",
        rows.size(), millis / 1000.0, rows.size() * 1000.0 / millis, firstImport.get("rowsPerSecond"));
  }

  @Test
  void shouldMakeEveryRowExactlyOneComplaintAndAddNoneTheSecondTime() throws Exception {
    long withoutNarrative = rows.stream().filter(r -> r.get(CfpbRecord.NARRATIVE).isBlank()).count();
    long olderAmericans = rows.stream().filter(r -> r.get(CfpbRecord.TAGS).contains("Older American")).count();
    assertThat(firstImport.get("rows").asInt()).isEqualTo(rows.size());
    assertThat(firstImport.get("created").asInt()).isEqualTo(rows.size());
    assertThat(firstImport.get("rejected").asInt()).isZero();
    assertThat(firstImport.get("withoutNarrative").asLong()).isEqualTo(withoutNarrative);

    // each Complaint ID one regulator-referred complaint, classified, vulnerable when an Older American,
    // its complaint-handling process started
    List<String> ids = rows.stream().map(r -> r.get(CfpbRecord.COMPLAINT_ID)).toList();
    List<String> numbers = jdbc.sql("SELECT complaint_number FROM regulator_referral WHERE source_id IN (:ids)")
        .param("ids", ids).query(String.class).list();
    assertThat(numbers).doesNotHaveDuplicates().hasSize(ids.size());
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE channel = 'REGULATOR_REFERRAL' AND external_reference IN"
        + " (:ids)", ids)).isEqualTo(ids.size());
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE complaint_number IN (:ids) AND category IS NOT NULL",
        numbers)).isEqualTo(ids.size());
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE complaint_number IN (:ids) AND customer_vulnerable",
        numbers)).isEqualTo(olderAmericans);
    assertThat(count("SELECT COUNT(*) FROM regulator_referral WHERE complaint_number IN (:ids)", numbers))
        .isEqualTo(ids.size());
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintHandlingProcess.KEY)
        .processInstanceBusinessKeyIn(numbers.toArray(String[]::new)).unfinished().count()).isEqualTo(ids.size());
    var first = jdbc.sql("SELECT product, category, issue FROM complaint WHERE channel = 'REGULATOR_REFERRAL'"
            + " AND external_reference = ?").param(ids.get(0)).query().singleRow();
    assertThat(first).containsEntry("PRODUCT", "DEBT_COLLECTION").containsEntry("CATEGORY", "DEBT_COLLECTION_CONDUCT")
        .containsEntry("ISSUE", "Attempts to collect debt not owed – Debt is not yours");

    // the same file again adds nothing
    JsonNode second = importCsv();
    assertThat(second.get("status").asText()).isEqualTo("DONE");
    assertThat(second.get("created").asInt()).isZero();
    assertThat(second.get("alreadyImported").asInt()).isEqualTo(rows.size());
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE external_reference IN (:ids)", ids)).isEqualTo(ids.size());
  }

  @Test
  void shouldReportOnTheImportedSample() throws Exception {
    LocalDate from = rows.stream().map(r -> LocalDate.parse(r.get(CfpbRecord.DATE_RECEIVED))).min(LocalDate::compareTo)
        .orElseThrow();
    LocalDate to = rows.stream().map(r -> LocalDate.parse(r.get(CfpbRecord.DATE_RECEIVED))).max(LocalDate::compareTo)
        .orElseThrow();
    JsonNode report = json.readTree(mvc.perform(get("/api/reports/summary").param("from", from.toString())
            .param("to", to.toString()).param("groupBy", "category").with(httpBasic("sam", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

    JsonNode total = report.get("total");
    // the sample's and those of the other import tests on this database that fall within its days
    long inPeriod = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ?")
        .param(from.atStartOfDay(zone).toOffsetDateTime()).param(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query(Long.class).single();
    assertThat(total.get("received").asLong()).isEqualTo(inPeriod).isGreaterThanOrEqualTo(rows.size());
    long sum = 0;
    StringBuilder top = new StringBuilder();
    for (JsonNode group : report.get("groups")) {
      sum += group.get("received").asLong();
      top.append(String.format(Locale.ROOT, "%n  %-24s %5d  %5.1f %%", group.get("group").asText(),
          group.get("received").asInt(), 100.0 * group.get("received").asInt() / inPeriod));
    }
    assertThat(sum).isEqualTo(inPeriod);
    // none is decided yet and all were due years ago: on time 0 of all
    assertThat(total.get("decided").asInt()).isZero();
    assertThat(total.get("dueByNow").asLong()).isEqualTo(inPeriod);
    assertThat(total.get("onTimeRate").asDouble()).isZero();
    long timely = rows.stream().filter(r -> "Yes".equals(r.get("Timely response?"))).count();
    System.out.printf(Locale.ROOT, "CFPB sample report %s – %s by category (received, share of %d):%s%n"
            + "  on time %s of %d due (none decided yet); the companies' own CFPB 'Timely response?': %.1f %%%n",
        from, to, inPeriod, top, total.get("decidedOnTime"), total.get("dueByNow").asInt(), 100.0 * timely / rows.size());
  }

  @Test
  void shouldRarelyAlarmWhenTheSampleIsReplayedDayByDay() {
    // given the detector on daily windows, each day compared with the same weekday of the 4 weeks before
    AtomicLong assessed = new AtomicLong();
    IntakeCounts counting = new IntakeCounts() {
      @Override
      public Optional<java.time.OffsetDateTime> firstReceivedAt() {
        return repository.firstReceivedAt();
      }

      @Override
      public Map<String, int[]> countsByWindow(IntakeDimension dimension, List<IntakeCounts.Window> windows) {
        Map<String, int[]> counts = repository.countsByWindow(dimension, windows);
        assessed.addAndGet(counts.size());
        return counts;
      }
    };
    EarlyWarningDetector detector = new EarlyWarningDetector(counting, properties.withWindow(Duration.ofDays(1)));
    LocalDate first = repository.firstReceivedAt().orElseThrow().atZoneSameInstant(zone).toLocalDate();
    LocalDate last = LocalDate.parse(rows.stream().map(r -> r.get(CfpbRecord.DATE_RECEIVED)).max(String::compareTo)
        .orElseThrow());

    // when it checks at the end of every day from the first full baseline week to the last day
    int days = 0;
    List<String> alarms = new ArrayList<>();
    for (LocalDate day = first.plusDays(7); !day.isAfter(last); day = day.plusDays(1)) {
      days++;
      for (var spike : detector.detect(day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())) {
        alarms.add(day + " " + spike.dimension() + ":" + spike.value() + " " + spike.assessment().observed()
            + " vs " + String.format(Locale.ROOT, "%.1f", spike.assessment().expected()));
      }
    }

    // then (the sample holds no known incident, so every alarm counts as false) alarms are rare
    double rate = (double) alarms.size() / assessed.get();
    System.out.printf(Locale.ROOT, "CFPB sample replay: %d days, %d day×key assessments, %d alarms (%.2f %% of"
        + " assessments, on %d days)%s%n", days, assessed.get(), alarms.size(), 100 * rate,
        alarms.stream().map(a -> a.substring(0, 10)).distinct().count(),
        alarms.isEmpty() ? "" : "\n  " + String.join("\n  ", alarms));
    assertThat(rate).isLessThan(0.01);
  }

  private JsonNode importCsv() throws Exception {
    // a whole regulator file takes minutes on a busy machine; the excerpt some seconds
    return CfpbImportPolling.importAndWait(mvc, json, sample, "intake", Duration.ofMinutes(30));
  }

  /** The header and the first rows of a CFPB export: cut at the line where the next record starts (CsvReader). */
  static byte[] firstRecords(byte[] csv, int rows) {
    String text = new String(csv, StandardCharsets.UTF_8);
    CsvReader reader = new CsvReader(new StringReader(text));
    CsvReader.Row next = reader.next(); // the header
    for (int read = 0; read <= rows && next != null; read++) {
      next = reader.next();
    }
    if (next == null) {
      return csv;
    }
    int end = 0;
    for (long line = 1; line < next.line(); line++) {
      end = text.indexOf('\n', end) + 1;
    }
    return text.substring(0, end).getBytes(StandardCharsets.UTF_8);
  }

  private long count(String sql, List<String> ids) {
    return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
  }

  private static List<Map<String, String>> parse(byte[] csv) {
    CsvReader reader = new CsvReader(new StringReader(new String(csv, StandardCharsets.UTF_8)));
    List<String> header = reader.next().fields();
    List<Map<String, String>> rows = new ArrayList<>();
    CsvReader.Row row;
    while ((row = reader.next()) != null) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        values.put(header.get(i), row.fields().get(i));
      }
      rows.add(values);
    }
    return rows;
  }
}
