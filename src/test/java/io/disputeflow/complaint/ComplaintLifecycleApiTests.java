package io.disputeflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.LegalConsultationProcess;
import io.disputeflow.process.RedressPaymentProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.process.ReverificationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Whole cases through the real application: API, engine, delegates, DMN and our tables together. */
@ApiTest
@DatabaseTest
class ComplaintLifecycleApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;
  @Autowired HistoryService historyService;

  @Test
  void shouldTakeAComplaintFromIntakeToClosedWithFourEyesOnTheCompensation() throws Exception {
    // given a complaint investigated, reviewed by cards and digital banking, and seen by legal counsel
    String number = submit("APP-9001");
    investigate(number, List.of("dept-cards", "dept-digital"), true);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "账单复核：重复扣款属实", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "diana",
        Map.of("reviewFindings", "App showed the charge twice", "reviewRecommendation", "PARTLY_UPHOLD"));
    worker.complete(number, LegalConsultationProcess.USER_GIVE_LEGAL_OPINION, "lara",
        Map.of("legalOpinion", "No contractual issue", "legalRisk", "LOW"));

    // when cora proposes a compensation above her authority
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora", Map.of("decision", "UPHOLD",
        "compensationAmount", 5000.0, "decisionGrounds", "重复扣款，全额退还并补偿"));

    // then the supervisor approves, never cora herself: approvals are not a coordinator's task at all
    // (four eyes for a proposer who is also an approver: security/SeparationOfDutiesTests)
    var approval = worker.openTask(number, ResolutionProcess.USER_APPROVE_COMPENSATION);
    assertThatThrownBy(() -> worker.complete(approval, "cora", Map.of("compensationApproved", true)))
        .isInstanceOf(AuthorizationException.class);
    worker.complete(approval, "sam", Map.of("compensationApproved", true));
    view(number)
        .andExpect(jsonPath("$.status", is("AWAITING_CUSTOMER")))
        .andExpect(jsonPath("$.stage", is("RESOLUTION")))
        .andExpect(jsonPath("$.awaiting", contains("CUSTOMER_RESPONSE", "REVERIFICATION_REQUEST")))
        .andExpect(jsonPath("$.decision.outcome", is("UPHOLD")))
        .andExpect(jsonPath("$.decision.compensationAmount", is(5000.0)));

    // when the customer accepts and answers the survey
    customerAction(number, "customer-response", "{\"accepted\": true}").andExpect(status().isAccepted());
    worker.runJobs(number);

    // then the compensation is owed, for the accounts department to pay by its due date: no survey before that
    view(number)
        .andExpect(jsonPath("$.stage", is("REDRESS_PAYMENT")))
        .andExpect(jsonPath("$.awaiting", empty()))
        .andExpect(jsonPath("$.redress.status", is("DUE")))
        .andExpect(jsonPath("$.redress.amount", is(5000.0)))
        .andExpect(jsonPath("$.redress.currency", is("CNY")))
        .andExpect(jsonPath("$.redress.paidAt").doesNotExist());
    assertThat(worker.openTask(number, RedressPaymentProcess.USER_PAY_REDRESS).getDueDate()).isNotNull();
    // the accounts department reads the case it pays, the account masked like the customer's contact data
    mvc.perform(get("/api/complaints/" + number).with(httpBasic("anna", "demo"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.customer.dateOfBirth").doesNotExist());

    // when anna of the accounts department pays it
    worker.payRedress(number);

    // then the payment is on file, and the case moves on to the survey
    view(number)
        .andExpect(jsonPath("$.redress.status", is("PAID")))
        .andExpect(jsonPath("$.redress.reference", is("TRX-" + number)))
        .andExpect(jsonPath("$.redress.paidBy", is("anna")))
        .andExpect(jsonPath("$.redress.paidAt", notNullValue()))
        .andExpect(jsonPath("$.redress.paidOnTime", is(true)));
    view(number).andExpect(jsonPath("$.stage", is("FEEDBACK"))).andExpect(jsonPath("$.awaiting", contains("SURVEY")));
    customerAction(number, "survey", "{\"score\": 5, \"comment\": \"处理及时，很满意\"}").andExpect(status().isAccepted());
    worker.runJobs(number);
    worker.complete(number, FeedbackProcess.USER_RECORD_ROOT_CAUSE, "cora", Map.of("rootCause", "SYSTEM_FAULT",
        "rootCauseDepartment", "dept-digital", "systemicCause", true, "rootCauseNotes", "Double posting bug"));

    // then the case is closed with everything on file
    view(number)
        .andExpect(jsonPath("$.status", is("CLOSED")))
        .andExpect(jsonPath("$.stage", is("CLOSED")))
        .andExpect(jsonPath("$.awaiting", empty()))
        .andExpect(jsonPath("$.resolutionOutcome", is("ACCEPTED")))
        .andExpect(jsonPath("$.satisfaction.score", is(5)))
        .andExpect(jsonPath("$.satisfaction.comment", is("处理及时，很满意")))
        .andExpect(jsonPath("$.rootCause.cause", is("SYSTEM_FAULT")))
        .andExpect(jsonPath("$.rootCause.systemic", is(true)));
    assertThat(letters(number)).containsExactly("ACKNOWLEDGEMENT", "DECISION", "SURVEY_INVITATION");
    assertThat(jdbc.sql("SELECT department || ':' || reviewed_by FROM department_review WHERE complaint_number = ?")
        .param(number).query(String.class).list()).containsExactlyInAnyOrder("dept-cards:carl", "dept-digital:diana");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .unfinished().count()).isZero();
  }

  @Test
  void shouldReverifyAContestedDecisionByTheHead() throws Exception {
    // given a decided complaint
    String number = submit("APP-9002");
    investigate(number, List.of("dept-cards"), false);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Charge was correct", "reviewRecommendation", "REJECT"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "chen", Map.of("decision", "REJECT",
        "compensationAmount", 0.0, "decisionGrounds", "The charge was authorised"));

    // when the customer contests it
    customerAction(number, "customer-response", "{\"accepted\": false, \"reason\": \"我没有授权这笔交易\"}")
        .andExpect(status().isAccepted());
    worker.runJobs(number);

    // then the head re-verifies and the case moves on to feedback
    worker.complete(number, ReverificationProcess.USER_DECIDE_REVERIFICATION, "helen",
        Map.of("reverificationOutcome", "REVISED", "revisedCompensationAmount", 1280.0,
            "reverificationGrounds", "Authorisation log incomplete: refund"));
    view(number)
        .andExpect(jsonPath("$.resolutionOutcome", is("REVERIFIED")))
        .andExpect(jsonPath("$.decision.compensationAmount", is(1280.0)))
        .andExpect(jsonPath("$.stage", is("REDRESS_PAYMENT")))
        .andExpect(jsonPath("$.redress.amount", is(1280.0)));
    // the revised compensation is paid before the survey
    worker.payRedress(number);
    view(number).andExpect(jsonPath("$.stage", is("FEEDBACK")));
    assertThat(letters(number)).contains("REVERIFICATION_DECISION");
  }

  @Test
  void shouldRefuseACustomerActionTheCaseIsNotAwaiting() throws Exception {
    String number = submit("APP-9003");

    customerAction(number, "survey", "{\"score\": 3}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    customerAction(number, "customer-response", "{\"accepted\": true}").andExpect(status().isConflict());
    customerAction(number, "reverification-request", "{\"reason\": \"x\"}").andExpect(status().isConflict());
    customerAction(number, "survey", "{\"score\": 9}").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("score")));
    customerAction("CMP-1999-999999", "survey", "{\"score\": 3}").andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void shouldAnswerAnUnknownComplaintWith404() throws Exception {
    mvc.perform(get("/api/complaints/CMP-1999-000000").with(httpBasic("cora", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", is("No complaint CMP-1999-000000")));
  }

  @Test
  void shouldSearchByFiltersWithPaging() throws Exception {
    String first = submit("APP-9101");
    String second = submit("APP-9102");

    mvc.perform(get("/api/complaints").param("customerId", "C-APP-9101").with(httpBasic("cora", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements", is(1)))
        .andExpect(jsonPath("$.content[0].complaintNumber", is(first)));
    mvc.perform(get("/api/complaints").param("product", "CREDIT_CARD").param("stage", "INVESTIGATION")
            .param("size", "1").param("page", "0").with(httpBasic("cora", "demo")))
        .andExpect(jsonPath("$.size", is(1)))
        .andExpect(jsonPath("$.content.length()", is(1)));
    mvc.perform(get("/api/complaints").param("customerId", "C-APP-9102").param("status", "CLOSED")
            .with(httpBasic("cora", "demo")))
        .andExpect(jsonPath("$.totalElements", is(0)));
    mvc.perform(get("/api/complaints").param("size", "500").with(httpBasic("cora", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("size")));
    mvc.perform(get("/api/complaints").param("status", "LOST").with(httpBasic("cora", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("status")));
    assertThat(second).isNotEqualTo(first);
  }

  private void investigate(String number, List<String> departments, boolean legalNeeded) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "客户陈述属实，需部门复核");
    variables.put("legalNeeded", legalNeeded);
    ComplaintVariables.DEPARTMENTS.put(variables, departments);
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", variables);
  }

  private String submit(String reference) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("complaintNumber").asText();
  }

  private ResultActions view(String number) throws Exception {
    return mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo"))).andExpect(status().isOk());
  }

  private ResultActions customerAction(String number, String action, String body) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/" + action).with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private List<String> letters(String number) {
    return jdbc.sql("SELECT letter_type FROM letter WHERE complaint_number = ? ORDER BY id").param(number)
        .query(String.class).list();
  }
}
