package io.disputeflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.Modeler;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from Modeler to /engine-rest (a second person approves it); a model that names a delegate, form or
 * decision this application does not have is refused there with a 400 naming the element and the
 * missing reference, and nothing of it is stored.
 */
@ApplicationTest
class DeploymentValidationTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired io.disputeflow.modeling.approval.PendingDeployments pending;
  Modeler modeler;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
    modeler = new Modeler(port);
  }

  @Test
  void shouldDeployAChangedModelWithItsFormAsProcessOwnerFromModeler() throws Exception {
    // given the investigation model with a renamed task, as paul saves it in Modeler
    String model = Modeler.shipped("investigation.bpmn").replace("name=\"Investigate complaint\"",
        "name=\"Investigate complaint (changed)\"");
    assertThat(model).contains("(changed)");

    // when paul deploys it with its form and helen approves it
    HttpResponse<String> response = modeler.deployApproved("paul", "helen", "investigation changed", Map.of(
        "investigation.bpmn", model, "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form")));

    // then there is a new version, named by its source
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String deployment = pending.find(Modeler.idOf(response)).orElseThrow().deploymentId();
    try {
      var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(InvestigationProcess.KEY)
          .latestVersion().singleResult();
      assertThat(latest.getDeploymentId()).isEqualTo(deployment);
      assertThat(latest.getVersion()).isEqualTo(2);
      assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).singleResult().getSource())
          .isEqualTo("Camunda Modeler");

      // and the process owner sees both versions, newest first, with the open instances of each
      HttpResponse<String> listed = modeler.send("paul", "GET", "/api/process-versions", null, null);
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      JsonNode investigation = null;
      for (JsonNode listedModel : json.readTree(listed.body())) {
        if (listedModel.get("key").asText().equals(InvestigationProcess.KEY)) {
          investigation = listedModel;
        }
      }
      assertThat(investigation).isNotNull();
      assertThat(investigation.get("latestVersion").asInt()).isEqualTo(2);
      JsonNode v2 = investigation.at("/versions/0");
      JsonNode v1 = investigation.at("/versions/1");
      assertThat(v2.get("version").asInt()).isEqualTo(2);
      assertThat(v2.get("id").asText()).isEqualTo(latest.getId());
      assertThat(v2.get("deploymentName").asText()).isEqualTo("investigation changed");
      assertThat(v2.get("deploymentSource").asText()).isEqualTo("Camunda Modeler");
      assertThat(v2.get("deploymentTime").asText()).isNotBlank();
      assertThat(v2.get("openInstances").asLong()).isZero();
      assertThat(v1.get("version").asInt()).isEqualTo(1);
      assertThat(v1.get("openInstances").asLong()).isEqualTo(runtimeService.createProcessInstanceQuery()
          .processDefinitionId(v1.get("id").asText()).count());
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldRefuseASecondDeploymentOfTheSameNameWhoseUnchangedFormIsLeftOut() throws Exception {
    // given a first deployment named "investigation" with the model and its form
    String form = Modeler.shipped("forms/investigate-complaint.form");
    HttpResponse<String> first = modeler.deployApproved("paul", "helen", "investigation", Map.of("investigation.bpmn",
        Modeler.shipped("investigation.bpmn").replace("name=\"Investigation\"", "name=\"Investigation A\""),
        "investigate-complaint.form", form));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    try {
      // when the model changes again and is deployed under the same name with the unchanged form:
      // deploy-changed-only leaves the form out, and binding deployment would find no form
      HttpResponse<String> second = modeler.deploy("paul", "investigation", Map.of("investigation.bpmn",
          Modeler.shipped("investigation.bpmn").replace("name=\"Investigation\"", "name=\"Investigation B\""),
          "investigate-complaint.form", form));

      // then
      assertThat(second.statusCode()).as(second.body()).isEqualTo(400);
      assertThat(json.readTree(second.body()).get("message").asText())
          .contains("User task 'user_investigate_complaint'").contains("form 'investigate-complaint'");
    } finally {
      repositoryService.deleteDeployment(pending.find(Modeler.idOf(first)).orElseThrow().deploymentId(), true);
    }
  }

  @Test
  void shouldRefuseATaskWhoseDelegateBeanDoesNotExist() throws Exception {
    // given a typo in a bean name, typed instead of picking the template
    String model = Modeler.shipped("investigation.bpmn").replace("${recordInvestigationDelegate}",
        "${recordInvestigatonDelegate}");

    // when / then
    assertRefused(model, "Service task 'service_record_investigation'", "delegate bean 'recordInvestigatonDelegate'");
  }

  @Test
  void shouldRefuseAFormThatIsNeitherInTheDeploymentNorDeployed() throws Exception {
    // given the model without its form (binding deployment needs it in the same deployment)
    String model = Modeler.shipped("investigation.bpmn");

    // when / then
    assertRefused(model, "User task 'user_investigate_complaint'", "form 'investigate-complaint'");
  }

  @Test
  void shouldRefuseADecisionThatIsNotDeployed() throws Exception {
    // given a business rule task naming a decision that does not exist
    String model = Modeler.shipped("resolution.bpmn").replace("camunda:decisionRef=\"compensation-authority\"",
        "camunda:decisionRef=\"compensation-autority\"");

    // when / then
    assertRefused(model, "Business rule task 'rule_determine_approval_authority'", "decision 'compensation-autority'");
  }

  @Test
  void shouldRefuseASendLetterTaskWithoutALetterType() throws Exception {
    // given the acknowledgement task with its input parameter removed
    String model = Modeler.shipped("intake.bpmn").replace(
        "<camunda:inputParameter name=\"letterType\">ACKNOWLEDGEMENT</camunda:inputParameter>", "")
        .replace("camunda:formRef=\"answer-inquiry\" camunda:formRefBinding=\"deployment\"",
            "camunda:formRef=\"answer-inquiry\" camunda:formRefBinding=\"latest\"");

    // when / then
    assertRefused(model, "Service task 'service_send_acknowledgement'", "input parameter 'letterType' missing");
  }

  @Test
  void shouldRefuseAListenerWhoseDelegateBeanDoesNotExist() throws Exception {
    // given a stage listener of the main model with a typo
    String model = Modeler.shipped("complaint-handling.bpmn").replaceFirst("\\$\\{recordStageListener}",
        "\\${recordStageListner}");

    // when / then
    assertRefused(model, "Execution listener of ", "delegate bean 'recordStageListner'");
  }

  @Test
  void shouldRefuseACallActivityWhoseVariableMappingClassDoesNotExist() throws Exception {
    // given the way back from intake naming a class by its simple name only
    String model = Modeler.shipped("complaint-handling.bpmn").replaceFirst(
        "io\\.disputeflow\\.process\\.ReturnChangedVariables", "ReturnChangedVariables");

    // when / then
    assertRefused(model, "Call activity 'call_intake'", "class 'ReturnChangedVariables' does not exist");
  }

  @Test
  void shouldRefuseAModelThatDoesNotParse() throws Exception {
    // given a file cut short
    String model = Modeler.shipped("investigation.bpmn");
    model = model.substring(0, model.length() / 2);

    // when / then: the parser's own words reach the process owner
    assertRefused(model, "investigation.bpmn", "XML document structures must start and end within the same entity");
  }

  @Test
  void shouldRefuseADeadlinePolicyWhosePeriodTheClockCannotCount() throws Exception {
    // given a policy whose HIGH-priority department review is a month and whose UK decision mixes days and hours
    String policy = Modeler.shipped("decisions/deadline-policy.dmn")
        .replace("<outputEntry id=\"rule_cn_cbirc_high_departmentReviewWithin\">\n          <text>\"P3D\"</text>",
            "<outputEntry id=\"rule_cn_cbirc_high_departmentReviewWithin\">\n          <text>\"P1M\"</text>")
        .replace("<outputEntry id=\"rule_uk_fca_disp_decideWithin\">\n          <text>\"P8W\"</text>",
            "<outputEntry id=\"rule_uk_fca_disp_decideWithin\">\n          <text>\"P1DT4H\"</text>");

    // when / then
    assertDecisionRefused("deadline-policy.dmn", policy, "deadline-policy rule 'rule_cn_cbirc_high': departmentReviewWithin P1M",
        "deadline-policy rule 'rule_uk_fca_disp': decideWithin P1DT4H");
  }

  @Test
  void shouldRefuseARegimeSelectionThatChoosesNoKnownRegime() throws Exception {
    // given the catch-all row answering a regime the clock does not know
    String selection = Modeler.shipped("decisions/regime-selection.dmn")
        .replace("<text>\"CN-CBIRC-2020\"</text>", "<text>\"CN-PBOC\"</text>");

    // when / then
    assertDecisionRefused("regime-selection.dmn", selection,
        "regime-selection rule 'rule_default_cn' output regime CN-PBOC is not one of");
  }

  private void assertDecisionRefused(String file, String model, String... reasons) throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> response = modeler.deploy("paul", "refused", Map.of(file, model));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).contains(reasons);
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing stored").isEqualTo(deployments);
  }

  private void assertRefused(String model, String element, String reference) throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> response = modeler.deploy("paul", "refused", Map.of("investigation.bpmn", model));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("message").asText()).contains(element).contains(reference);
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing stored").isEqualTo(deployments);
  }
}
