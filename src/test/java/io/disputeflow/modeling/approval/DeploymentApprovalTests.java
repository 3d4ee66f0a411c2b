package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ModelDeploymentApprovalProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.Modeler;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner's deployment from Modeler waits for a second person: nothing reaches the engine
 * until another process owner or the head of consumer protection approves it in Tasklist; the
 * submitter cannot approve their own; a refusal leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeploymentApprovalTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired PendingDeployments pending;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Modeler modeler;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine, @Autowired IdentityService identity) {
    ApplicationEngine.registerForWebRequests(engine);
    modeler = new Modeler(port);
    // a second process owner besides paul
    if (identity.createUserQuery().userId("petra").count() == 0) {
      User petra = identity.newUser("petra");
      petra.setPassword("demo");
      identity.saveUser(petra);
      identity.createMembership("petra", "process-owner");
    }
  }

  @Test
  void shouldHoldAProcessOwnersDeploymentUntilTheHeadApprovesIt() throws Exception {
    // given the investigation model with a renamed task and a new end, as paul saves it in Modeler
    ProcessDefinition active = latestInvestigation();
    long deployments = repositoryService.createDeploymentQuery().count();
    String model = Modeler.shipped("investigation.bpmn").replace("name=\"Investigate complaint\"",
        "name=\"Investigate complaint (four eyes)\"");

    // when paul deploys it with its form
    HttpResponse<String> response = modeler.deploy("paul", "investigation four eyes", Map.of(
        "investigation.bpmn", model, "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form")));

    // then Modeler hears success that awaits approval, and nothing changed in the engine
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode answer = json.readTree(response.body());
    assertThat(answer.get("name").asText()).isEqualTo("investigation four eyes");
    assertThat(answer.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(answer.get("message").asText()).contains("awaits approval").contains("Tasklist");
    String id = answer.get("id").asText();
    assertThat(latestInvestigation().getId()).isEqualTo(active.getId());
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(pending.find(id).orElseThrow().status()).isEqualTo("PENDING");
    assertThat(pending.files(id)).containsOnlyKeys("investigation.bpmn", "investigate-complaint.form");

    // and the approvers' task shows what changes
    var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(task.getName()).isEqualTo("Approve model deployment");
    assertThat((String) taskService.getVariable(task.getId(), "modelChanges"))
        .contains("`investigation.bpmn`: process 'investigation'")
        .contains("replaces active version " + active.getVersion())
        .contains("renamed: User task 'user_investigate_complaint' (Investigate complaint (four eyes)),"
            + " was 'Investigate complaint'");

    // when paul approves his own, then he is refused and the task stays
    HttpResponse<String> own = modeler.decide("paul", id, true, null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    assertThat(own.body()).contains("Four eyes: paul submitted this deployment");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(latestInvestigation().getId()).isEqualTo(active.getId());

    // when helen (head of consumer protection) approves it
    HttpResponse<String> approved = modeler.decide("helen", id, true, null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

    // then the new version is active, deployed in paul's name, and the approval is recorded
    PendingDeployment decided = pending.find(id).orElseThrow();
    try {
      assertThat(decided.status()).isEqualTo("APPROVED");
      assertThat(decided.decidedBy()).isEqualTo("helen");
      assertThat(decided.decidedAt()).isNotNull();
      assertThat(pending.files(id)).isEmpty();
      ProcessDefinition latest = latestInvestigation();
      assertThat(latest.getVersion()).isEqualTo(active.getVersion() + 1);
      assertThat(latest.getDeploymentId()).isEqualTo(decided.deploymentId());
      var deployment = repositoryService.createDeploymentQuery().deploymentId(decided.deploymentId()).singleResult();
      assertThat(deployment.getName()).isEqualTo("investigation four eyes");
      assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
      assertThat(historyService.createUserOperationLogQuery().deploymentId(decided.deploymentId())
          .operationType("Create").list()).extracting(entry -> entry.getUserId()).containsOnly("paul").isNotEmpty();
    } finally {
      repositoryService.deleteDeployment(decided.deploymentId(), true);
    }
  }

  @Test
  void shouldLeaveNothingBehindWhenASecondProcessOwnerRefuses() throws Exception {
    // given paul's new model awaiting approval
    long deployments = repositoryService.createDeploymentQuery().count();
    HttpResponse<String> response = modeler.deploy("paul", "refused model", Map.of("refused-model.bpmn",
        Modeler.shipped("investigation.bpmn").replace("id=\"investigation\"", "id=\"refused-model\"")
            .replace("bpmnElement=\"investigation\"", "bpmnElement=\"refused-model\""),
        "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String id = Modeler.idOf(response);
    var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat((String) taskService.getVariable(task.getId(), "modelChanges"))
        .contains("process 'refused-model'").contains("**new model**");

    // when petra refuses without a reason, then she is asked for one
    HttpResponse<String> noReason = modeler.decide("petra", id, false, null);
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("needs a reason");

    // when she refuses with one
    HttpResponse<String> refused = modeler.decide("petra", id, false, "Not agreed with compliance");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(204);

    // then nothing reached the engine, the files are gone and the refusal is recorded
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("refused-model").count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName("refused model").count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(pending.files(id)).isEmpty();
    PendingDeployment decided = pending.find(id).orElseThrow();
    assertThat(decided.status()).isEqualTo("REFUSED");
    assertThat(decided.decidedBy()).isEqualTo("petra");
    assertThat(decided.reason()).isEqualTo("Not agreed with compliance");
    assertThat(decided.deploymentId()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
  }

  @Test
  void shouldRefuseAtSubmissionAModelTheSandboxRefusesAndStoreNothing() throws Exception {
    // given
    long submissions = jdbc.queryForObject("SELECT COUNT(*) FROM pending_deployment", Long.class);
    long approvals = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ModelDeploymentApprovalProcess.KEY).count();
    long deployments = repositoryService.createDeploymentQuery().count();
    String model = Modeler.shipped("investigation.bpmn").replace("${recordInvestigationDelegate}",
        "${runtimeService}");

    // when
    HttpResponse<String> response = modeler.deploy("paul", "refused at once", Map.of("investigation.bpmn", model,
        "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form")));

    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).contains("Deployment refused")
        .contains("Service task 'service_record_investigation'");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pending_deployment", Long.class)).isEqualTo(submissions);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelDeploymentApprovalProcess.KEY)
        .count()).isEqualTo(approvals);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void shouldRefuseAProcessOwnersDeploymentThatGoesAroundTheSubmission() {
    // given a deployment paul may read (the application's own)
    String shipped = latestInvestigation().getDeploymentId();
    long deployments = repositoryService.createDeploymentQuery().count();

    // when he redeploys it, or deploys under the engine-named path
    HttpResponse<String> redeploy = modeler.send("paul", "POST", "/engine-rest/deployment/" + shipped + "/redeploy",
        "application/json", "{}");

    // then the engine refuses: it would reach production without a second person
    assertThat(redeploy.statusCode()).as(redeploy.body()).isEqualTo(403);
    assertThat(redeploy.body()).contains("needs a second person's approval");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  private ProcessDefinition latestInvestigation() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(InvestigationProcess.KEY)
        .latestVersion().singleResult();
  }
}
