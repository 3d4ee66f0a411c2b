package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * CFPB exports: the 16-column layout, bad rows and bad files (the sample itself: {@link CfpbSampleTests}).
 * Its own database: the imported complaints are years overdue, and their clock timers must not fire in
 * other tests that run due jobs.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:cfpb-import-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CfpbImportApiTests {

  static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldImportTheSixteenColumnLayoutWithoutNarratives() throws Exception {
    byte[] csv = new ClassPathResource("cfpb/cfpb-complaints-16-columns.csv").getContentAsByteArray();

    JsonNode result = importCsv(csv, "cora")
        .andExpect(jsonPath("$.layout", is(16)))
        .andExpect(jsonPath("$.created", is(25)))
        .andExpect(jsonPath("$.withoutNarrative", is(25)))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).transform(this::read);

    String number = result.get("complaints").get(0).get("complaintNumber").asText();
    assertThat(jdbc.sql("SELECT narrative FROM complaint WHERE complaint_number = ?").param(number)
        .query(String.class).single()).startsWith("Referred by the CFPB (complaint ").contains("Product: ", "Issue: ");
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

    importCsv(csv.getBytes(StandardCharsets.UTF_8), "intake")
        .andExpect(jsonPath("$.rows", is(6)))
        .andExpect(jsonPath("$.created", is(2)))
        .andExpect(jsonPath("$.rejected", is(4)))
        .andExpect(jsonPath("$.errors[0].row", is(2)))
        .andExpect(jsonPath("$.errors[0].line", is(3)))
        .andExpect(jsonPath("$.errors[0].complaintId", is("T-900002")))
        .andExpect(jsonPath("$.errors[0].field", is("Date received")))
        .andExpect(jsonPath("$.errors[1].field", is("Complaint ID")))
        .andExpect(jsonPath("$.errors[2].message", containsString("has 4 fields where the header has 18")))
        .andExpect(jsonPath("$.errors[3].complaintId", is("T-900005")))
        .andExpect(jsonPath("$.errors[3].field", is("Date received")))
        .andExpect(jsonPath("$.errors[3].message", is("must not be in the future")))
        .andExpect(jsonPath("$.warnings[0].complaintId", is("T-900006")))
        .andExpect(jsonPath("$.warnings[0].field", is("Product")));

    // nothing of a rejected row was stored
    assertThat(jdbc.sql("SELECT external_reference FROM complaint WHERE external_reference LIKE 'T-9%'"
        + " ORDER BY external_reference").query(String.class).list()).containsExactly("T-900001", "T-900006");
    assertThat(jdbc.sql("SELECT customer_vulnerable FROM complaint WHERE external_reference = 'T-900001'")
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void shouldRefuseAFileThatIsNoCfpbExport() throws Exception {
    importCsv(new byte[0], "intake").andExpect(status().isBadRequest());
    refused("Date received,Product,Issue\r\n2019-05-02,Mortgage,Late fee\r\n", "header")
        .andExpect(jsonPath("$.errors[0].message", containsString("Complaint ID")));
    refused("Date received,Product,Issue,Complaint ID\r\n\"2019-05-02,Mortgage,Late fee,1\r\n", "body");
    mvc.perform(post("/api/imports/cfpb").with(httpBasic("sam", "demo")).contentType(TEXT_CSV).content("x"))
        .andExpect(status().isForbidden());
  }

  private ResultActions refused(String csv, String field) throws Exception {
    return mvc.perform(post("/api/imports/cfpb").with(httpBasic("intake", "demo")).contentType(TEXT_CSV)
            .content(csv.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field", is(field)));
  }

  private ResultActions importCsv(byte[] csv, String user) throws Exception {
    ResultActions result = mvc.perform(post("/api/imports/cfpb").with(httpBasic(user, "demo"))
        .contentType(TEXT_CSV).content(csv));
    return csv.length == 0 ? result : result.andExpect(status().isOk());
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
