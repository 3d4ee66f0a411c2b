package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.DatabaseTest;
import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * CFPB exports imported in the background: the 16-column layout, bad rows and bad files (the sample
 * itself: {@link CfpbSampleTests}; a node dying mid-import: {@link CfpbImportRestartTests}).
 * Its own database: the imported complaints are years overdue, and their clock timers must not fire in
 * other tests that run due jobs.
 */
@SpringBootTest(properties = CfpbImportPolling.IMPORT_DATABASE)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DatabaseTest
class CfpbImportApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldImportTheSixteenColumnLayoutWithoutNarratives() throws Exception {
    byte[] csv = new ClassPathResource("cfpb/cfpb-complaints-16-columns.csv").getContentAsByteArray();

    JsonNode result = importCsv(csv, "cora");

    assertThat(result.get("status").asText()).isEqualTo("DONE");
    assertThat(result.get("layout").asInt()).isEqualTo(16);
    assertThat(result.get("rows").asInt()).isEqualTo(25);
    assertThat(result.get("processed").asInt()).isEqualTo(25);
    assertThat(result.get("created").asInt()).isEqualTo(25);
    assertThat(result.get("withoutNarrative").asInt()).isEqualTo(25);
    assertThat(result.get("startedBy").asText()).isEqualTo("cora");
    assertThat(result.get("rowsPerSecond").asDouble()).isPositive();
    assertThat(jdbc.sql("SELECT c.narrative FROM complaint c JOIN regulator_referral r"
            + " ON r.complaint_number = c.complaint_number WHERE r.source_id = '3197542'")
        .query(String.class).single()).startsWith("Referred by the CFPB (complaint ").contains("Product: ", "Issue: ");
    // the cases' history names who posted the file, though a background thread started them
    assertThat(jdbc.sql("SELECT p.START_USER_ID_ FROM ACT_HI_PROCINST p JOIN regulator_referral r"
            + " ON r.complaint_number = p.BUSINESS_KEY_ WHERE r.source_id = '3197542' AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL")
        .query(String.class).single()).isEqualTo("cora");
  }

  @Test
  void shouldRejectBadRowsWholeAndTakeTheRest() throws Exception {
    String header = "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,"
        + "Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,"
        + "Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\r\n";
    String csv = header
        + "2019-05-02,Checking or savings account,Checking account,Managing an account,Deposits and withdrawals,"
        + "\"The bank held my deposit, for ten days.\",,BANK,CA,90001,Older American,Consent provided,Phone,"
        + "2019-05-02,Closed with explanation,Yes,N/A,T-900001\r\n"
        + "2019-13-45,Mortgage,,Trouble during payment process,,,,BANK,CA,90001,,,Web,,,,,T-900002\r\n"
        + "2019-05-03,Mortgage,,Trouble during payment process,,,,BANK,CA,90001,,,Web,,,,,\r\n"
        + "2019-05-03,Mortgage,,Trouble during payment process\r\n"
        + "2099-01-01,Mortgage,,Trouble during payment process,,,,BANK,CA,90001,,,Web,,,,,T-900005\r\n"
        + "05/06/2019,Virtual currency,,Fraud or scam,,,,BANK,NY,10001,,,Referral,,,,,T-900006\r\n";

    JsonNode result = importCsv(csv.getBytes(StandardCharsets.UTF_8), "intake");

    assertThat(result.get("status").asText()).isEqualTo("DONE");
    assertThat(result.get("rows").asInt()).isEqualTo(6);
    assertThat(result.get("created").asInt()).isEqualTo(2);
    assertThat(result.get("rejected").asInt()).isEqualTo(4);
    JsonNode errors = result.get("errors");
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(errors.get(0).get("complaintId").asText()).isEqualTo("T-900002");
    assertThat(errors.get(0).get("field").asText()).isEqualTo("Date received");
    assertThat(errors.get(1).get("field").asText()).isEqualTo("Complaint ID");
    assertThat(errors.get(2).get("message").asText()).contains("has 4 fields where the header has 18");
    assertThat(errors.get(3).get("complaintId").asText()).isEqualTo("T-900005");
    assertThat(errors.get(3).get("field").asText()).isEqualTo("Date received");
    assertThat(errors.get(3).get("message").asText()).isEqualTo("must not be in the future");
    assertThat(result.get("warnings").get(0).get("complaintId").asText()).isEqualTo("T-900006");
    assertThat(result.get("warnings").get(0).get("field").asText()).isEqualTo("Product");

    // nothing of a rejected row was stored
    assertThat(jdbc.sql("SELECT external_reference FROM complaint WHERE external_reference LIKE 'T-9%'"
        + " ORDER BY external_reference").query(String.class).list()).containsExactly("T-900001", "T-900006");
    assertThat(jdbc.sql("SELECT customer_vulnerable FROM complaint WHERE external_reference = 'T-900001'")
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void shouldRefuseAFileThatIsNoCfpbExportAndStoreNothing() throws Exception {
    long imports = count("SELECT COUNT(*) FROM cfpb_import");
    long complaints = count("SELECT COUNT(*) FROM complaint");

    refused("", "body").andExpect(jsonPath("$.errors[0].message", containsString("empty")));
    refused("Date received,Product,Issue\r\n2019-05-02,Mortgage,Late fee\r\n", "header")
        .andExpect(jsonPath("$.errors[0].message", containsString("Complaint ID")));
    refused("Date received,Product,Issue,Complaint ID\r\n\"2019-05-02,Mortgage,Late fee,1\r\n", "body");
    // a quote never closed further down: the whole file is refused, not the rows before it imported
    refused("Date received,Product,Issue,Complaint ID\r\n2019-05-02,Mortgage,Late fee,T-800001\r\n"
        + "2019-05-02,Mortgage,\"Late fee,T-800002\r\n", "body")
        .andExpect(jsonPath("$.errors[0].message", containsString("line 3")));
    refused("Date received,Product,Issue,Complaint ID\r\n", "body")
        .andExpect(jsonPath("$.errors[0].message", containsString("no rows")));
    mvc.perform(post("/api/imports/cfpb").with(httpBasic("intake", "demo"))
            .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
            .content(new byte[] {'C', 'o', (byte) 0xE9, '\n'}))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("body")))
        .andExpect(jsonPath("$.errors[0].message", containsString("UTF-8")));
    mvc.perform(post("/api/imports/cfpb").with(httpBasic("sam", "demo")).contentType(CfpbImportPolling.TEXT_CSV).content("x"))
        .andExpect(status().isForbidden());

    assertThat(count("SELECT COUNT(*) FROM cfpb_import")).isEqualTo(imports);
    assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(complaints);
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownImport() throws Exception {
    mvc.perform(get("/api/imports/00000000-0000-0000-0000-000000000000").with(httpBasic("intake", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private ResultActions refused(String csv, String field) throws Exception {
    return mvc.perform(post("/api/imports/cfpb").with(httpBasic("intake", "demo")).contentType(CfpbImportPolling.TEXT_CSV)
            .content(csv.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field", is(field)));
  }

  private JsonNode importCsv(byte[] csv, String user) throws Exception {
    return CfpbImportPolling.importAndWait(mvc, json, csv, user, Duration.ofSeconds(60));
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
