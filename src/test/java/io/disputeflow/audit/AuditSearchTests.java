package io.disputeflow.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Auditors find cases by number, customer, receipt dates, category, outcome and overdue-ever. */
@ApiTest
@DatabaseTest
class AuditSearchTests {

  private static final ZoneId BANK = ZoneId.of("Asia/Shanghai");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;

  AuditCases cases;

  @BeforeEach
  void cases() {
    cases = new AuditCases(mvc, json, worker);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldFindCasesThatWereEverOverdue() throws Exception {
    // given a case decided in time, one decided a day after its decision deadline, and one still open 30 days
    // after receipt (past any 15-day period, however far holidays move its end)
    String onTime = cases.closedComplaint("AUD-4001");
    String late = cases.submitCreditCardComplaint("AUD-4002");
    cases.investigate(late, "cora", List.of("dept-cards"), false);
    cases.review(late, "carl", "REJECT");
    ClockUtil.setCurrentTime(Date.from(decisionDueAt(late).plusDays(1).toInstant()));
    cases.propose(late, "cora", "REJECT", 0.0);
    ClockUtil.reset();
    String receivedAt = OffsetDateTime.now(BANK).minusDays(30).toString();
    String open = cases.submit(Submissions.creditCardComplaint("AUD-4003")
        .replaceFirst("\\{", "{\"receivedAt\": \"" + receivedAt + "\","));

    // then overdue-ever tells them apart
    search("customer", "C-AUD-4001", "overdueEver", "true").andExpect(jsonPath("$.totalElements", is(0)));
    search("customer", "C-AUD-4001", "overdueEver", "false")
        .andExpect(jsonPath("$.content[*].complaintNumber", contains(onTime)))
        .andExpect(jsonPath("$.content[0].overdueEver", is(false)));
    search("customer", "C-AUD-4002", "overdueEver", "true")
        .andExpect(jsonPath("$.content[*].complaintNumber", contains(late)))
        .andExpect(jsonPath("$.content[0].decision", is("REJECT")));
    search("customer", "C-AUD-4003", "overdueEver", "true")
        .andExpect(jsonPath("$.content[*].complaintNumber", contains(open)))
        .andExpect(jsonPath("$.content[0].status", is("OPEN")));
  }

  @Test
  void shouldFilterByNumberCustomerDatesCategoryAndOutcome() throws Exception {
    String closed = cases.closedComplaint("AUD-4101");
    String today = LocalDate.now(BANK).toString();

    search("number", closed).andExpect(jsonPath("$.content[*].complaintNumber", contains(closed)));
    search("number", closed.substring(0, 9), "customer", "C-AUD-4101")
        .andExpect(jsonPath("$.content[*].complaintNumber", contains(closed)));
    search("customer", "秀英", "number", closed).andExpect(jsonPath("$.totalElements", is(1)));
    search("customer", "C-AUD-4101", "from", today, "to", today, "category", "BILLING_DISPUTE", "outcome", "UPHOLD")
        .andExpect(jsonPath("$.content[*].complaintNumber", contains(closed)))
        .andExpect(jsonPath("$.content[0].resolutionOutcome", is("ACCEPTED")))
        .andExpect(jsonPath("$.content[0].status", is("CLOSED")));
    search("customer", "C-AUD-4101", "outcome", "ACCEPTED").andExpect(jsonPath("$.totalElements", is(1)));
    search("customer", "C-AUD-4101", "outcome", "REJECT").andExpect(jsonPath("$.totalElements", is(0)));
    search("customer", "C-AUD-4101", "to", LocalDate.now(BANK).minusDays(1).toString())
        .andExpect(jsonPath("$.totalElements", is(0)));
    search("customer", "C-AUD-4101", "category", "SERVICE_ATTITUDE").andExpect(jsonPath("$.totalElements", is(0)));
    search("number", "CMP-%").andExpect(jsonPath("$.totalElements", is(0)));
  }

  @Test
  void shouldRefuseBadFiltersNamingTheField() throws Exception {
    mvc.perform(get("/api/audit/complaints").param("from", "2026-02-01").param("to", "2026-01-01")
            .with(httpBasic("audrey", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("to")));
    mvc.perform(get("/api/audit/complaints").param("from", "yesterday").with(httpBasic("audrey", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("from")));
    mvc.perform(get("/api/audit/complaints").param("overdueEver", "maybe").with(httpBasic("audrey", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("overdueEver")));
    mvc.perform(get("/api/audit/complaints").param("size", "500").with(httpBasic("audrey", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("size")));
    mvc.perform(get("/api/audit/complaints")).andExpect(status().isUnauthorized());
  }

  private ResultActions search(String... parameters) throws Exception {
    var request = get("/api/audit/complaints").with(httpBasic("audrey", "demo"));
    for (int i = 0; i < parameters.length; i += 2) {
      request.param(parameters[i], parameters[i + 1]);
    }
    return mvc.perform(request).andExpect(status().isOk());
  }

  private OffsetDateTime decisionDueAt(String number) throws Exception {
    String body = mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return OffsetDateTime.parse(json.readTree(body).path("deadlines").path("decisionDueAt").asText());
  }
}
