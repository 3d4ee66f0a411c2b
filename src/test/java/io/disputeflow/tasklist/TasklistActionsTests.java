package io.disputeflow.tasklist;

import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.TasklistSession;
import io.disputeflow.support.ApplicationEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claim, unclaim, delegate, comment and complete through Tasklist's own REST API, logged in as
 * each person, and what Tasklist is told when something is refused.
 */
@ApplicationTest
class TasklistActionsTests {

  /** Mixed scripts, full-width punctuation, a currency sign and an emoji: all must come back unchanged. */
  static final String CHINESE_FINDINGS = "客户于2026年3月1日在商户「星巴克」消费，系统重复扣款￥1,200.00元；已核实属实 ✅\n第二行：退款流程已启动。";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private final Map<String, TasklistSession> sessions = new HashMap<>();

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldClaimUnclaimAndDelegateWithinTheGroupOnly() throws Exception {
    String number = submit("ACT-1");
    String task = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId();

    // cora claims; chen is told who has it
    assertThat(as("cora").post("/task/" + task + "/claim", "{\"userId\": \"cora\"}").getStatusCode().value()).isEqualTo(204);
    assertThat(message(as("chen").post("/task/" + task + "/claim", "{\"userId\": \"chen\"}")))
        .startsWith("Investigate " + number + " · 王秀英 · Credit card is already claimed by Cora Zhang")
        .doesNotContain(task);

    // cora gives it back, chen takes it
    assertThat(as("cora").post("/task/" + task + "/unclaim", "{}").getStatusCode().value()).isEqualTo(204);
    assertThat(as("chen").post("/task/" + task + "/claim", "{\"userId\": \"chen\"}").getStatusCode().value()).isEqualTo(204);

    // chen may delegate to a coordinator colleague, never to the cards department
    assertThat(message(as("chen").post("/task/" + task + "/delegate", "{\"userId\": \"carl\"}"))).isEqualTo(
        "carl is not a member of Coordinators / 消保协调员, who work this task: choose a colleague of that group."
            + " / carl 不是办理此任务的组（Coordinators / 消保协调员）的成员，请指派给该组成员。");
    assertThat(as("chen").post("/task/" + task + "/delegate", "{\"userId\": \"cora\"}").getStatusCode().value())
        .isEqualTo(204);
    Task delegated = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(delegated.getOwner()).isEqualTo("chen");
    assertThat(delegated.getAssignee()).isEqualTo("cora");
    assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);

    // cora comments and fills the form: Tasklist's Complete resolves a delegated task back to chen
    ResponseEntity<String> comment = as("cora").post("/task/" + task + "/comment/create",
        "{\"message\": \"已电话联系客户，客户同意提供账单截图。\"}");
    assertThat(comment.getStatusCode().value()).as(comment.getBody()).isEqualTo(200);
    assertThat(as("cora").post("/task/" + task + "/submit-form", investigation(CHINESE_FINDINGS))
        .getStatusCode().value()).isEqualTo(204);
    Task resolved = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(resolved.getAssignee()).isEqualTo("chen");
    assertThat(resolved.getDelegationState()).isEqualTo(DelegationState.RESOLVED);

    // chen completes it
    assertThat(as("chen").post("/task/" + task + "/submit-form", "{\"variables\": {}}").getStatusCode().value())
        .isEqualTo(204);
    worker.runJobs(number);
    assertThat(taskService.getTaskComments(task)).extracting(Comment::getFullMessage)
        .containsExactly("已电话联系客户，客户同意提供账单截图。");
    assertThat(jdbc.sql("SELECT investigation_findings FROM complaint WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo(CHINESE_FINDINGS);
    assertThat(worker.openTask(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT)).isNotNull();
  }

  @Test
  void shouldTellWhoCompletedATaskMeanwhile() throws Exception {
    // given chen has the task open while cora completes it
    String number = submit("ACT-2");
    String task = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId();
    as("cora").post("/task/" + task + "/claim", "{\"userId\": \"cora\"}");
    assertThat(as("cora").post("/task/" + task + "/submit-form", investigation("重复扣款属实"))
        .getStatusCode().value()).isEqualTo(204);

    // when chen completes it too
    ResponseEntity<String> late = as("chen").post("/task/" + task + "/submit-form", investigation("另一结论"));

    // then Tasklist shows who did it, and when, in the bank's time
    assertThat(message(late))
        .matches("Investigate " + number + " · 王秀英 · Credit card was already completed by Cora Zhang at"
            + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(Asia/Shanghai\\): it is no longer open\\. Refresh the task list\\."
            + " / 该任务已由 Cora Zhang 于 .* 完成，不能再次办理，请刷新任务列表。");
  }

  @Test
  void shouldShowTheFourEyesRefusalAsItIsWritten() throws Exception {
    String number = submit("ACT-3");
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "Charged twice");
    variables.put("legalNeeded", false);
    io.disputeflow.process.ComplaintVariables.DEPARTMENTS.put(variables, java.util.List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", variables);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora",
        Map.of("decision", "UPHOLD", "compensationAmount", 5000.0, "decisionGrounds", "Refund"));
    String approval = worker.openTask(number, ResolutionProcess.USER_APPROVE_COMPENSATION).getId();

    // cora also acts as a supervisor: only then could she reach her own proposal's approval
    identityService.createMembership("cora", "supervisor");
    try {
      ResponseEntity<String> refused = as("cora").post("/task/" + approval + "/claim", "{\"userId\": \"cora\"}");
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
      assertThat(message(refused)).isEqualTo(
          "Four eyes: cora proposed this resolution and cannot approve it; another approver must");
    } finally {
      identityService.deleteMembership("cora", "supervisor");
    }
  }

  @Test
  void shouldRefuseValuesTheFormDoesNotAllowAndLeaveTheTaskOpen() throws Exception {
    // given an investigation, completed over the REST API rather than in Tasklist's form
    String number = submit("ACT-4");
    String task = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId();
    as("cora").post("/task/" + task + "/claim", "{\"userId\": \"cora\"}");
    String classified = String.valueOf(taskService.getVariable(task, "departments"));
    String withoutFindings = new ObjectMapper().writeValueAsString(Map.of("variables", Map.of(
        "legalNeeded", Map.of("value", false),
        "departments", Map.of("value", "[\"dept-cards\", \"dept-canteen\"]", "type", "Json"))));

    // when
    ResponseEntity<String> refused = as("cora").post("/task/" + task + "/submit-form", withoutFindings);

    // then a 400 naming each field at fault, and nothing changed: the task is open, no step ran
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(message(refused)).startsWith("The form's values were not accepted: ")
        .contains("(investigationFindings) is required", "(departments) 'dept-canteen' is not one of");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult()).isNotNull();
    assertThat(taskService.getVariable(task, "departments")).hasToString(classified);
    worker.runJobs(number);
    assertThat(worker.openTasks(number)).extracting(Task::getTaskDefinitionKey)
        .containsExactly(InvestigationProcess.USER_INVESTIGATE_COMPLAINT);

    // and the corrected values go through
    assertThat(as("cora").post("/task/" + task + "/submit-form", investigation("重复扣款属实"))
        .getStatusCode().value()).isEqualTo(204);
  }

  private static String investigation(String findings) throws Exception {
    return new ObjectMapper().writeValueAsString(Map.of("variables", Map.of(
        "investigationFindings", Map.of("value", findings),
        "legalNeeded", Map.of("value", false),
        "departments", Map.of("value", "[\"dept-cards\"]", "type", "Json"))));
  }

  private TasklistSession as(String user) {
    return sessions.computeIfAbsent(user, name -> TasklistSession.login(rest, name));
  }

  private String message(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode().is4xxClientError() || response.getStatusCode().is5xxServerError())
        .as("refused: %s", response.getBody()).isTrue();
    return json.readTree(response.getBody()).get("message").asText();
  }

  private String submit(String reference) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("intake", "demo");
    ResponseEntity<String> response = rest.exchange("/api/complaints", HttpMethod.POST,
        new HttpEntity<>(Submissions.creditCardComplaint(reference + "-" + System.nanoTime()), headers), String.class);
    JsonNode body = json.readTree(response.getBody());
    return body.get("complaintNumber").asText();
  }
}
