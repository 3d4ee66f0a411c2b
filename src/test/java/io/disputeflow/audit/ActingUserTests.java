package io.disputeflow.audit;

import io.disputeflow.support.ApplicationEngine;
import static io.disputeflow.audit.AuditCases.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.CaseWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Every engine write through our API and the engine REST API names the person or system that made it. */
@ApplicationTest
class ActingUserTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired HistoryService historyService;

  @Test
  void shouldNameTheChannelThatStartedACaseAndPassedOnTheCustomersAnswers() throws Exception {
    AuditCases cases = new AuditCases(mvc, json, worker);
    String number = cases.closedComplaint("AUD-6001");

    var operations = historyService.createUserOperationLogQuery().entityType("ProcessInstance").list().stream()
        .filter(entry -> historyService.createHistoricProcessInstanceQuery().processInstanceId(
            entry.getProcessInstanceId()).processInstanceBusinessKey(number).count() == 1)
        .toList();
    assertThat(operations).extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
        .contains(org.assertj.core.groups.Tuple.tuple("Create", "intake"),
            org.assertj.core.groups.Tuple.tuple("CorrelateMessage", "intake"));
  }

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldNameTheUserWhoClaimedATaskThroughTheEngineRestApi() throws Exception {
    AuditCases cases = new AuditCases(mvc, json, worker);
    String number = cases.submitCreditCardComplaint("AUD-6002");
    String taskId = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId();

    HttpResponse<String> claimed = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
            .uri(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/claim"))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("chen:demo".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"chen\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(claimed.statusCode()).isEqualTo(204);
    JsonNode claim = only(cases.timeline(number), "TASK_CLAIMED", InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    assertThat(claim.get("actor").asText()).isEqualTo("chen");
    assertThat(claim.at("/details/changes/assignee").asText()).isEqualTo("chen");
  }
}
