package io.disputeflow.support;

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
import io.disputeflow.process.ResolutionProcess;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Takes a credit-card complaint the plain way through the API and task work, up to its closing. */
public final class ClosedCases {

  private final MockMvc mvc;
  private final ObjectMapper json;
  private final CaseWorker worker;

  public ClosedCases(MockMvc mvc, ObjectMapper json, CaseWorker worker) {
    this.mvc = mvc;
    this.json = json;
    this.worker = worker;
  }

  public String submit(String reference) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("complaintNumber").asText();
  }

  /** Investigated, reviewed by the cards department, decided with this compensation and accepted (paid if any). */
  public void decideAndAccept(String number, double compensation) throws Exception {
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "重复扣款属实");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora", Map.of("decision", "UPHOLD",
        "compensationAmount", compensation, "decisionGrounds", "Refund the duplicate charge"));
    customer(number, "customer-response", "{\"accepted\": true}");
    if (compensation > 0) {
      worker.payRedress(number);
    }
  }

  /** The survey answered and the root cause recorded: the case closes. */
  public void surveyAndClose(String number) throws Exception {
    customer(number, "survey", "{\"score\": 4, \"comment\": \"ok\"}");
    worker.complete(number, FeedbackProcess.USER_RECORD_ROOT_CAUSE, "cora", Map.of("rootCause", "SYSTEM_FAULT",
        "rootCauseDepartment", "dept-digital", "systemicCause", false, "rootCauseNotes", "Double posting"));
  }

  public String closed(String reference, double compensation) throws Exception {
    String number = submit(reference);
    decideAndAccept(number, compensation);
    surveyAndClose(number);
    return number;
  }

  public JsonNode read(String path, String user) throws Exception {
    return json.readTree(mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private void customer(String number, String action, String body) throws Exception {
    mvc.perform(post("/api/complaints/" + number + "/" + action).with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isAccepted());
    worker.runJobs(number);
  }
}
