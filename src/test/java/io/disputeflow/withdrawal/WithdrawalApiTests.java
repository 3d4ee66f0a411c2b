package io.disputeflow.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.MockMvc;

/** The customer withdraws a complaint (撤回) through the API: the case ends, the customer is told, reports count it. */
@ApiTest
class WithdrawalApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void shouldEndTheCaseWithItsOpenTasksAndClockAndConfirmItToTheCustomer() throws Exception {
    // given a case in department review, the cards department's review claimed by carl
    String number = submit("WD-0001");
    investigate(number);
    var review = worker.openTask(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT);
    taskService.claim(review.getId(), "carl");
    long withdrawnBefore = reportTotal().get("withdrawn").asLong();

    // when the customer withdraws through the app
    withdraw(number, "intake", "{\"reason\": \"商户已退款，问题已解决\"}").andExpect(status().isAccepted());

    // then the case has ended as withdrawn, with its clock stopped and nothing left open
    view(number)
        .andExpect(jsonPath("$.status", is("WITHDRAWN")))
        .andExpect(jsonPath("$.stage", is("CLOSED")))
        .andExpect(jsonPath("$.closedAt", notNullValue()))
        .andExpect(jsonPath("$.awaiting", empty()))
        .andExpect(jsonPath("$.deadlines.clockState", is("STOPPED")))
        .andExpect(jsonPath("$.withdrawal.reason", is("商户已退款，问题已解决")))
        .andExpect(jsonPath("$.withdrawal.withdrawnBy", is("intake")))
        .andExpect(jsonPath("$.withdrawal.stage", is("DEPARTMENT_REVIEW")))
        .andExpect(jsonPath("$.withdrawal.endedTasks", containsString("(carl)")));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).unfinished()
        .count()).isZero();

    // and the customer gets a confirmation in their language, naming the reason
    JsonNode letters = read(get("/api/complaints/" + number), "cora").get("letters");
    JsonNode confirmation = StreamSupport.stream(letters.spliterator(), false)
        .filter(letter -> letter.get("type").asText().equals("WITHDRAWAL_CONFIRMATION")).findFirst().orElseThrow();
    JsonNode copy = read(get("/api/complaints/" + number + "/letters/" + confirmation.get("id").asText()), "cora");
    assertThat(copy.get("subject").asText()).contains("撤回").contains(number);
    assertThat(copy.get("body").asText()).contains("商户已退款，问题已解决").contains("我行将不再就该投诉作出处理决定");

    // and the timeline says who withdrew, why, and which tasks ended; its hash chain is anchored and intact
    JsonNode timeline = read(get("/api/complaints/" + number + "/timeline"), "audrey");
    JsonNode withdrawal = entries(timeline, "COMPLAINT_WITHDRAWN").get(0);
    assertThat(withdrawal.get("actor").asText()).isEqualTo("intake");
    assertThat(withdrawal.get("details").get("reason").asText()).isEqualTo("商户已退款，问题已解决");
    assertThat(withdrawal.get("details").get("endedTasks").asText()).contains(review.getName());
    assertThat(entries(timeline, "TASK_CANCELLED")).extracting(entry -> entry.get("elementId").asText())
        .contains(DepartmentReviewProcess.USER_REVIEW_DEPARTMENT);
    assertThat(read(get("/api/complaints/" + number + "/timeline/verify"), "audrey").get("status").asText())
        .isEqualTo("VERIFIED");

    // and reports count it apart; a search finds it by its status
    assertThat(reportTotal().get("withdrawn").asLong()).isEqualTo(withdrawnBefore + 1);
    assertThat(read(get("/api/complaints?status=WITHDRAWN&customerId=C-WD-0001"), "cora").get("totalElements").asInt())
        .isEqualTo(1);

    // and nothing more can be done on it: a second withdrawal, an answer, a clock request
    withdraw(number, "intake", "{\"reason\": \"again\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", is("Complaint " + number + " is withdrawn; it cannot be withdrawn any more")));
    mvc.perform(post("/api/complaints/" + number + "/clock/pause").with(httpBasic("cora", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"appraisal\"}")).andExpect(status().isConflict());
  }

  @Test
  void shouldLetTheCoordinatorWhoTookTheCallWithdrawButRefuseBadInputAndOthers() throws Exception {
    String number = submit("WD-0002");

    withdraw(number, "intake", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field", is("reason")));
    withdraw(number, "intake", "{\"reason\": \"" + "x".repeat(2001) + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("reason")));
    withdraw(number, "carl", "{\"reason\": \"not mine to withdraw\"}").andExpect(status().isForbidden());
    withdraw("CMP-1999-999999", "intake", "{\"reason\": \"unknown\"}").andExpect(status().isNotFound());
    view(number).andExpect(jsonPath("$.status", is("OPEN")));

    // when the coordinator records the customer's phone call
    withdraw(number, "cora", "{\"reason\": \"Customer called: no longer wishes to pursue\"}")
        .andExpect(status().isAccepted());

    // then
    view(number).andExpect(jsonPath("$.status", is("WITHDRAWN")))
        .andExpect(jsonPath("$.withdrawal.withdrawnBy", is("cora")))
        .andExpect(jsonPath("$.withdrawal.stage", is("INVESTIGATION")));
  }

  @Test
  void shouldNotCountAWithdrawnCaseAsLateInTheReports() throws Exception {
    // given an undecided case past its decision deadline
    String number = submit("WD-0003");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    var period = get("/api/reports/summary").param("from", today.minusDays(1).toString())
        .param("to", today.plusDays(1).toString());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(70))));
    try {
      JsonNode before = read(period, "sam").get("total");

      // when the customer withdraws it
      withdraw(number, "intake", "{\"reason\": \"No longer needed\"}").andExpect(status().isAccepted());

      // then it is no longer owed a decision, nor late: it counts as withdrawn
      JsonNode after = read(period, "sam").get("total");
      assertThat(after.get("withdrawn").asLong()).isEqualTo(before.get("withdrawn").asLong() + 1);
      assertThat(after.get("dueByNow").asLong()).isEqualTo(before.get("dueByNow").asLong() - 1);
      assertThat(after.get("decided").asLong()).isEqualTo(before.get("decided").asLong());
    } finally {
      ClockUtil.reset();
    }
  }

  private void investigate(String number) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "客户陈述属实，需部门复核");
    variables.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", variables);
  }

  private String submit(String reference) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("complaintNumber").asText();
  }

  private ResultActions withdraw(String number, String user, String body) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/withdrawal").with(httpBasic(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions view(String number) throws Exception {
    return mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo"))).andExpect(status().isOk());
  }

  private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
      throws Exception {
    String body = mvc.perform(request.with(httpBasic(user, "demo"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }

  private JsonNode reportTotal() throws Exception {
    return read(get("/api/reports/summary"), "sam").get("total");
  }

  private static List<JsonNode> entries(JsonNode timeline, String type) {
    return StreamSupport.stream(timeline.get("entries").spliterator(), false)
        .filter(entry -> entry.get("type").asText().equals(type)).toList();
  }
}
