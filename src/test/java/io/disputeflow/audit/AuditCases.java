package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.LegalConsultationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.process.ReverificationProcess;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Drives whole cases through the API and Tasklist-like task work, for the audit tests. Not a
 * bean: applications started from the test classpath (RestartTests) have no MockMvc.
 */
class AuditCases {

  private final MockMvc mvc;
  private final ObjectMapper json;
  private final CaseWorker worker;

  AuditCases(MockMvc mvc, ObjectMapper json, CaseWorker worker) {
    this.mvc = mvc;
    this.json = json;
    this.worker = worker;
  }

  String submit(String body) throws Exception {
    String response = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is2xxSuccessful())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response).get("complaintNumber").asText();
  }

  String submitCreditCardComplaint(String reference) throws Exception {
    return submit(Submissions.creditCardComplaint(reference));
  }

  void investigate(String number, String user, List<String> departments, boolean legalNeeded) {
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, user, investigation(departments, legalNeeded));
  }

  static Map<String, Object> investigation(List<String> departments, boolean legalNeeded) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "客户陈述属实，需部门复核");
    variables.put("legalNeeded", legalNeeded);
    ComplaintVariables.DEPARTMENTS.put(variables, departments);
    return variables;
  }

  void review(String number, String user, String recommendation) {
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, user,
        Map.of("reviewFindings", "复核结论 by " + user, "reviewRecommendation", recommendation));
  }

  void legalOpinion(String number) {
    worker.complete(number, LegalConsultationProcess.USER_GIVE_LEGAL_OPINION, "lara",
        Map.of("legalOpinion", "No contractual issue", "legalRisk", "LOW"));
  }

  void propose(String number, String user, String decision, double compensation) {
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, user, Map.of("decision", decision,
        "compensationAmount", compensation, "decisionGrounds", "Grounds of " + decision));
  }

  void approve(String number, String user) {
    worker.complete(number, ResolutionProcess.USER_APPROVE_COMPENSATION, user, Map.of("compensationApproved", true));
  }

  void reverify(String number) {
    worker.complete(number, ReverificationProcess.USER_DECIDE_REVERIFICATION, "helen",
        Map.of("reverificationOutcome", "REVISED", "revisedCompensationAmount", 1280.0,
            "reverificationGrounds", "Authorisation log incomplete: refund"));
  }

  void customerAction(String number, String action, String body) throws Exception {
    mvc.perform(post("/api/complaints/" + number + "/" + action).with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted());
    worker.runJobs(number);
  }

  void followUp(String number, String user) {
    worker.complete(number, FeedbackProcess.USER_FOLLOW_UP_DISSATISFACTION, user,
        Map.of("followUpNotes", "Called the customer back"));
  }

  void rootCause(String number) {
    worker.complete(number, FeedbackProcess.USER_RECORD_ROOT_CAUSE, "cora", Map.of("rootCause", "SYSTEM_FAULT",
        "rootCauseDepartment", "dept-digital", "systemicCause", false, "rootCauseNotes", "Double posting"));
  }

  /** A complaint taken the plain way: one department, accepted decision, satisfied customer, closed. */
  String closedComplaint(String reference) throws Exception {
    String number = submitCreditCardComplaint(reference);
    investigate(number, "cora", List.of("dept-cards"), false);
    review(number, "carl", "UPHOLD");
    propose(number, "cora", "UPHOLD", 500.0);
    customerAction(number, "customer-response", "{\"accepted\": true}");
    worker.payRedress(number);
    customerAction(number, "survey", "{\"score\": 4, \"comment\": \"ok\"}");
    rootCause(number);
    return number;
  }

  JsonNode timeline(String number) throws Exception {
    return json.readTree(timelineResponse(number, "json").andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8));
  }

  ResultActions timelineResponse(String number, String format) throws Exception {
    return mvc.perform(get("/api/complaints/" + number + "/timeline").param("format", format)
        .with(httpBasic("audrey", "demo"))).andExpect(status().isOk());
  }

  JsonNode verify(String number) throws Exception {
    return json.readTree(mvc.perform(get("/api/complaints/" + number + "/timeline/verify")
            .with(httpBasic("audrey", "demo")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  static List<JsonNode> entries(JsonNode timeline, String type) {
    List<JsonNode> found = new java.util.ArrayList<>();
    timeline.get("entries").forEach(entry -> {
      if (type.equals(entry.get("type").asText())) {
        found.add(entry);
      }
    });
    return found;
  }

  static JsonNode only(JsonNode timeline, String type, String elementId) {
    List<JsonNode> found = entries(timeline, type).stream()
        .filter(entry -> elementId.equals(entry.get("elementId").asText())).toList();
    assertThat(found).as("%s at %s", type, elementId).hasSize(1);
    return found.get(0);
  }
}
