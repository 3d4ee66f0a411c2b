package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ModelDeploymentApprovalProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.DatabaseTest;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process owner's deployment from Modeler waits for a second person: nothing reaches the engine
 * until another process owner or the head of consumer protection approves it in Tasklist; the
 * submitter cannot approve their own; a refusal leaves nothing behind.
 */
@ApplicationTest
@DatabaseTest
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
      petra.setFirstName("Petra");
      petra.setLastName("Zhou");
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
  void shouldScheduleNoTimerOfAModelThatAwaitsApproval(@Autowired org.camunda.bpm.engine.ManagementService management)
      throws Exception {
    // given a new model whose timer start event fires two seconds after it is deployed
    long jobs = management.createJobQuery().count();

    // when paul deploys it
    HttpResponse<String> response = modeler.deploy("paul", "timer awaiting approval", Map.of("timer-held.bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_timer_held" targetNamespace="http://x">
          <bpmn:process id="timer-held" name="Timer held" isExecutable="true" camunda:historyTimeToLive="P1096D">
            <bpmn:startEvent id="start_in_two_seconds" name="In two seconds">
              <bpmn:timerEventDefinition id="timer_in_two_seconds"><bpmn:timeCycle>R1/PT2S</bpmn:timeCycle>
              </bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="flow_to_end" sourceRef="start_in_two_seconds" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """));

    // then it waits: no definition, no timer job, so nothing of it can start
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("timer-held").count()).isZero();
    assertThat(management.createJobQuery().count()).isEqualTo(jobs);

    // and refused, it leaves nothing
    assertThat(modeler.decide("helen", Modeler.idOf(response), false, "A timer start is not wanted").statusCode())
        .isEqualTo(204);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("timer-held").count()).isZero();
    assertThat(management.createJobQuery().count()).isEqualTo(jobs);
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

  @Test
  void shouldKeepTheTaskAndDeployNothingWhenTheModelWasDeployedAgainSinceSubmission() throws Exception {
    // given paul's renamed investigation task awaiting approval
    HttpResponse<String> submitted = modeler.deploy("paul", "investigation renamed", Map.of("investigation.bpmn",
        Modeler.shipped("investigation.bpmn").replace("name=\"Investigate complaint\"", "name=\"Investigate (paul)\""),
        "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = Modeler.idOf(submitted);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();

    // and meanwhile an administrator deployed another change of the same model at once
    HttpResponse<String> hotfix = modeler.deploy("admin", "investigation hotfix", Map.of("investigation.bpmn",
        Modeler.shipped("investigation.bpmn").replace("name=\"Investigate complaint\"", "name=\"Investigate (hotfix)\""),
        "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form")));
    assertThat(hotfix.statusCode()).as(hotfix.body()).isEqualTo(200);
    ProcessDefinition hotfixed = latestInvestigation();
    try {
      // when helen approves paul's, which was reviewed against the version before the hotfix
      HttpResponse<String> approved = modeler.decide("helen", id, true, null);

      // then she is told it cannot be deployed now and why; nothing is deployed and the task stays for her to refuse
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(409);
      assertThat(json.readTree(approved.body()).get("message").asText())
          .contains("cannot be made now, nothing was deployed")
          .contains("Deployed again since this deployment was submitted: process 'investigation' (now version "
              + hotfixed.getVersion() + ")")
          .contains("Refuse it with this reason");
      assertThat(latestInvestigation().getId()).isEqualTo(hotfixed.getId());
      assertThat(repositoryService.createDeploymentQuery().deploymentName("investigation renamed").count()).isZero();
      assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
      assertThat(pending.find(id).orElseThrow().status()).isEqualTo("PENDING");
      assertThat(pending.files(id)).containsOnlyKeys("investigation.bpmn", "investigate-complaint.form");

      // when she refuses it, then it is discarded
      assertThat(modeler.decide("helen", id, false, "Deployed again since: resubmit").statusCode()).isEqualTo(204);
      assertThat(pending.find(id).orElseThrow().status()).isEqualTo("REFUSED");
      assertThat(latestInvestigation().getId()).isEqualTo(hotfixed.getId());
    } finally {
      repositoryService.deleteDeployment(hotfixed.getDeploymentId(), true);
    }
  }

  @Test
  void shouldKeepTheTaskAndDeployNothingWhenTheChecksRefuseTheModelAtApproval() throws Exception {
    // given a trial decision an administrator deployed, and paul's new model that calls it, awaiting approval
    HttpResponse<String> decision = modeler.deploy("admin", "trial authority decision", Map.of("trial-authority.dmn",
        Modeler.shipped("decisions/compensation-authority.dmn").replace("compensation-authority", "trial-authority")));
    assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
    String decisionDeployment = Modeler.idOf(decision);
    HttpResponse<String> submitted = modeler.deploy("paul", "trial authority", Map.of("trial-authority.bpmn",
        TRIAL_PROCESS));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = Modeler.idOf(submitted);
    long deployments = repositoryService.createDeploymentQuery().count();

    // and the decision is deleted before anyone approves
    repositoryService.deleteDeployment(decisionDeployment, true);

    // when petra approves
    HttpResponse<String> approved = modeler.decide("petra", id, true, null);

    // then the deployment's checks refuse it now: a clear answer, not a server error, and nothing half-deployed
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(409);
    assertThat(json.readTree(approved.body()).get("message").asText())
        .contains("cannot be made now, nothing was deployed")
        .contains("Business rule task 'rule_trial_authority'").contains("decision 'trial-authority'");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("trial-authority-process").count())
        .isZero();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments - 1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    assertThat(pending.find(id).orElseThrow().status()).isEqualTo("PENDING");

    // and her refusal then discards it
    assertThat(modeler.decide("petra", id, false, "The trial decision is gone").statusCode()).isEqualTo(204);
    assertThat(pending.find(id).orElseThrow().status()).isEqualTo("REFUSED");
  }

  /** A new model whose business rule task calls the decision 'trial-authority'. */
  private static final String TRIAL_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
      xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
      xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
      id="definitions_trial" targetNamespace="http://disputeflow.io/bpmn">
        <bpmn:process id="trial-authority-process" name="Trial authority" isExecutable="true" \
      camunda:historyTimeToLive="P1096D">
          <bpmn:startEvent id="start_trial" name="Trial started"><bpmn:outgoing>flow_start_to_rule</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:sequenceFlow id="flow_start_to_rule" sourceRef="start_trial" targetRef="rule_trial_authority" />
          <bpmn:businessRuleTask id="rule_trial_authority" name="Determine authority" \
      camunda:decisionRef="trial-authority" camunda:resultVariable="approverGroup" camunda:mapDecisionResult="singleEntry">
            <bpmn:incoming>flow_start_to_rule</bpmn:incoming><bpmn:outgoing>flow_rule_to_end</bpmn:outgoing>
          </bpmn:businessRuleTask>
          <bpmn:sequenceFlow id="flow_rule_to_end" sourceRef="rule_trial_authority" targetRef="end_trial" />
          <bpmn:endEvent id="end_trial" name="Trial ended"><bpmn:incoming>flow_rule_to_end</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
        <bpmndi:BPMNDiagram id="diagram_trial">
          <bpmndi:BPMNPlane id="plane_trial" bpmnElement="trial-authority-process">
            <bpmndi:BPMNShape id="start_trial_di" bpmnElement="start_trial"><dc:Bounds x="152" y="102" width="36" height="36" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="rule_trial_authority_di" bpmnElement="rule_trial_authority">
              <dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="end_trial_di" bpmnElement="end_trial"><dc:Bounds x="392" y="102" width="36" height="36" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="flow_start_to_rule_di" bpmnElement="flow_start_to_rule">
              <di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="flow_rule_to_end_di" bpmnElement="flow_rule_to_end">
              <di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  private ProcessDefinition latestInvestigation() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(InvestigationProcess.KEY)
        .latestVersion().singleResult();
  }
}
