package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The replay draws each process instance on the definition version it ran on, even once replaced. */
@ApiTest
class CaseProcessesApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired RepositoryService repositoryService;

  @Test
  void shouldGiveTheDiagramOfTheVersionACaseRanOnAfterANewVersionIsDeployed() throws Exception {
    // given a closed case, and then a process owner's new version of the investigation model
    String number = new AuditCases(mvc, json, worker).closedComplaint("AUD-8001");
    ProcessDefinition ranOn = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(InvestigationProcess.KEY).latestVersion().singleResult();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(ranOn.getId());
    model.<Process>getModelElementById(InvestigationProcess.KEY).setName("Investigation, second version");
    Deployment replacement = repositoryService.createDeployment().name("investigation v+1")
        .addModelInstance("investigation.bpmn", model)
        // its form is bound to the deployment (deployment validation refuses the model without it)
        .addClasspathResource("processes/forms/investigate-complaint.form").deploy();
    try {
      // when an auditor loads the case's processes
      JsonNode processes = json.readTree(mvc.perform(get("/api/complaints/" + number + "/processes")
              .with(httpBasic("audrey", "demo")))
          .andExpect(status().isOk())
          .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

      // then the investigation is shown as it was, with the activities it passed
      JsonNode investigation = null;
      for (JsonNode process : processes) {
        if (InvestigationProcess.KEY.equals(process.get("processDefinitionKey").asText())) {
          investigation = process;
        }
      }
      assertThat(processes).as("the case and its six stages, redress payment included").hasSize(7);
      assertThat(investigation).isNotNull();
      assertThat(investigation.get("processDefinitionId").asText()).isEqualTo(ranOn.getId());
      assertThat(investigation.get("processDefinitionVersion").asInt()).isEqualTo(ranOn.getVersion());
      assertThat(investigation.get("bpmnXml").asText()).contains("name=\"Investigation\"")
          .doesNotContain("second version");
      assertThat(investigation.get("activities").findValuesAsText("activityId"))
          .contains(InvestigationProcess.USER_INVESTIGATE_COMPLAINT, InvestigationProcess.SERVICE_RECORD_INVESTIGATION);
      assertThat(investigation.get("activities").findValuesAsText("assignee")).contains("cora");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(InvestigationProcess.KEY)
          .latestVersion().singleResult().getVersion()).isEqualTo(ranOn.getVersion() + 1);
    } finally {
      repositoryService.deleteDeployment(replacement.getId(), true);
    }
  }
}
