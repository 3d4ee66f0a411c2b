package io.disputeflow.security;

import io.disputeflow.recusal.RecusalListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Four eyes and recusal, enforced by the engine whichever client is used (a task listener's refusal
 * reaches the client as the engine's error with its message): the approver of an
 * extension or a compensation is never its requester or proposer, even when one person holds both
 * roles, and an employee who is the complaint's customer handles none of its tasks.
 */
@ApiTest
class SeparationOfDutiesTests {

  /** A supervisor who also works as a coordinator: both roles, never on the same request. */
  private static final String VERA = "vera";
  /** A coordinator who banks with us as customer C-SOD-OWN. */
  private static final String OWEN = "owen";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  private static int references;

  @BeforeEach
  void staff() {
    employee(VERA, "vera@disputeflow.example", Groups.COORDINATOR, Groups.SUPERVISOR);
    employee(OWEN, "owen@disputeflow.example", Groups.COORDINATOR);
    identityService.setUserInfo(OWEN, RecusalListener.CUSTOMER_ID_INFO, "C-SOD-OWN");
  }

  @Test
  void shouldNotLetTheRequesterOfAnExtensionApproveIt() throws Exception {
    // given vera requested an extension as coordinator
    String number = submit(Submissions.creditCardComplaint(reference()));
    mvc.perform(post("/api/complaints/" + number + "/extension-requests").with(httpBasic(VERA, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"merchant evidence pending\"}"))
        .andExpect(status().isAccepted());
    var approval = worker.openTask(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION);

    // when she tries to approve it as supervisor, then the engine refuses, on claim and on complete
    Map<String, Object> approved = Map.of("extensionApproved", true, "extensionComment", "ok");
    assertThatThrownBy(() -> worker.complete(approval, VERA, approved))
        .hasMessageContaining("Four eyes: vera requested this extension");
    identityService.setAuthentication(VERA, List.of(Groups.COORDINATOR, Groups.SUPERVISOR));
    try {
      assertThatThrownBy(() -> taskService.complete(approval.getId(), approved))
          .hasMessageContaining("Four eyes: vera requested this extension");
    } finally {
      identityService.clearAuthentication();
    }

    // and another supervisor may
    worker.complete(approval, "sam", approved);
    assertThat(worker.openTasks(number)).noneMatch(task ->
        ComplaintHandlingProcess.USER_APPROVE_EXTENSION.equals(task.getTaskDefinitionKey()));
  }

  @Test
  void shouldNotLetTheProposerOfACompensationApproveItInAnotherRole() throws Exception {
    // given vera proposed a compensation that needs a supervisor
    String number = submit(Submissions.creditCardComplaint(reference()));
    investigate(number, VERA);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Charged twice", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, VERA, Map.of("decision", "UPHOLD",
        "compensationAmount", 5000.0, "decisionGrounds", "Refund and compensate"));

    // when / then
    var approval = worker.openTask(number, ResolutionProcess.USER_APPROVE_COMPENSATION);
    assertThatThrownBy(() -> worker.complete(approval, VERA, Map.of("compensationApproved", true)))
        .hasMessageContaining("Four eyes: vera proposed this resolution");
    worker.complete(approval, "sam", Map.of("compensationApproved", true));
  }

  @Test
  void shouldRecuseACoordinatorFromTheirOwnComplaintByCustomerIdOrEmail() throws Exception {
    // given two complaints by owen himself: one under his customer id, one under his e-mail address
    String byCustomerId = submit(Submissions.creditCardComplaint(reference()).replaceFirst("\"C-SEC-SOD-\\d+\"",
        "\"C-SOD-OWN\""));
    String byEmail = submit(Submissions.creditCardComplaint(reference())
        .replace("wang.xiuying@example.cn", "Owen@disputeflow.example"));

    // when owen takes their investigations, then the engine refuses: he may not handle his own case
    for (String number : List.of(byCustomerId, byEmail)) {
      var investigation = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
      assertThatThrownBy(() -> worker.complete(investigation, OWEN, Map.of()))
          .hasMessageContaining("Recusal: owen is the customer of complaint " + number);
      assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();
    }

    // and a colleague handles it as usual
    investigate(byCustomerId, "cora");
    assertThat(worker.openTask(byCustomerId, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT)).isNotNull();
  }

  private void investigate(String number, String coordinator) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "Facts established");
    variables.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, coordinator, variables);
  }

  private void employee(String id, String email, String... groups) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setEmail(email);
    user.setPassword("demo");
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }

  private static String reference() {
    return "SEC-SOD-" + (++references);
  }

  private String submit(String body) throws Exception {
    String created = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(created).get("complaintNumber").asText();
  }
}
