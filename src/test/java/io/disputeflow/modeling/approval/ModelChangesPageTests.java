package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.Modeler;
import io.disputeflow.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The approver's diagram page of a pending deployment, opened with the Tasklist session as the task
 * form's link does: the changes it shows, and who may open it.
 */
@ApplicationTest
class ModelChangesPageTests {

  private static final String HTML = "text/html,application/xhtml+xml";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  Modeler modeler;
  String id;

  @BeforeEach
  void submit(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
    modeler = new Modeler(port);
    // paul renames the investigation task and raises the supervisor's compensation limit
    HttpResponse<String> submitted = modeler.deploy("paul", "page " + System.nanoTime(), Map.of(
        "investigation.bpmn", Modeler.shipped("investigation.bpmn").replace("name=\"Investigate complaint\"",
            "name=\"Investigate complaint (four eyes)\""),
        "investigate-complaint.form", Modeler.shipped("forms/investigate-complaint.form"),
        "compensation-authority.dmn", Modeler.shipped("decisions/compensation-authority.dmn")
            .replace("<text>&lt;= 10000</text>", "<text>&lt;= 20000</text>")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    id = Modeler.idOf(submitted);
  }

  @AfterEach
  void refuse() {
    modeler.decide("helen", id, false, "test over");
  }

  @Test
  void shouldLinkThePageFromTheApprovalTask() {
    var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();

    assertThat((String) taskService.getVariable(task.getId(), "modelChangesPage"))
        .isEqualTo("[Open the diagrams and decision tables / 打开流程图和决策表](/camunda/model-changes/" + id + ")");
  }

  @Test
  void shouldShowTheApproverBothDiagramsWithTheChangedElementAndTheChangedRule() throws Exception {
    // when helen opens the page from her Tasklist session
    TasklistSession helen = TasklistSession.login(rest, "helen");
    ResponseEntity<String> page = helen.get("/camunda/model-changes/" + id, HTML);

    // then her browser gets the page, with its scripts allowed only from here
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("assets/bpmn-viewer.js", "Changed / 修改");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(helen.get("/camunda/model-changes/assets/bpmn-viewer.js", "*/*").getBody()).contains("BpmnJS");

    // and its script gets the changes: the submitted and the active diagram, the renamed task marked
    ResponseEntity<String> data = helen.get("/camunda/model-changes/" + id, MediaType.APPLICATION_JSON_VALUE);
    assertThat(data.getStatusCode().value()).as(data.getBody()).isEqualTo(200);
    JsonNode view = json.readTree(data.getBody());
    assertThat(view.get("submittedBy").asText()).isEqualTo("paul");
    assertThat(view.get("status").asText()).isEqualTo("PENDING");
    assertThat(view.get("taskId").asText())
        .isEqualTo(taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId());
    JsonNode bpmn = file(view, "investigation.bpmn");
    assertThat(bpmn.get("kind").asText()).isEqualTo("bpmn");
    assertThat(bpmn.get("processKey").asText()).isEqualTo("investigation");
    assertThat(bpmn.get("xml").asText()).contains("Investigate complaint (four eyes)");
    assertThat(bpmn.get("activeXml").asText()).contains("name=\"Investigate complaint\"");
    assertThat(bpmn.get("changed").findValuesAsText("id")).containsExactly("user_investigate_complaint");
    assertThat(bpmn.get("added")).isEmpty();
    assertThat(bpmn.get("removed")).isEmpty();

    // and the decision's rules, the supervisor's limit changed from what it was
    JsonNode rules = file(view, "compensation-authority.dmn").at("/decisions/0/changes/rules");
    assertThat(StreamSupport.stream(rules.spliterator(), false).map(rule -> rule.at("/rule/id").asText() + " "
        + rule.get("status").asText())).containsExactly("rule_within_coordinator_authority UNCHANGED",
        "rule_supervisor CHANGED", "rule_head_of_consumer_protection UNCHANGED");
    assertThat(rules.at("/1/rule/inputs/0").asText()).isEqualTo("<= 20000");
    assertThat(rules.at("/1/was/inputs/0").asText()).isEqualTo("<= 10000");
    assertThat(file(view, "investigate-complaint.form").get("kind").asText()).isEqualTo("form");
  }

  @Test
  void shouldOpenOnlyToThoseWhoMayApproveAndAdministrators() {
    for (String reader : new String[] {"paul", "admin"}) {
      assertThat(TasklistSession.login(rest, reader).get("/camunda/model-changes/" + id, HTML).getStatusCode().value())
          .as(reader).isEqualTo(200);
    }
    // a coordinator: refused, a page in a browser, problem+json to anything else
    TasklistSession cora = TasklistSession.login(rest, "cora");
    ResponseEntity<String> page = cora.get("/camunda/model-changes/" + id, HTML);
    assertThat(page.getStatusCode().value()).isEqualTo(403);
    assertThat(page.getBody()).contains("Not open to you / 无权查看").doesNotContain("investigation");
    ResponseEntity<String> api = cora.get("/camunda/model-changes/" + id, MediaType.APPLICATION_JSON_VALUE);
    assertThat(api.getStatusCode().value()).isEqualTo(403);
    assertThat(api.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(api.getBody()).contains("\"status\":403").doesNotContain("investigation.bpmn");
  }

  @Test
  void shouldSayWhatIsMissingWithoutASessionOrForAnUnknownDeployment() {
    // without the Tasklist session, even with Basic credentials: no challenge, the page says to sign in
    ResponseEntity<String> basic = rest.withBasicAuth("helen", "demo").exchange("/camunda/model-changes/" + id,
        org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(accept(HTML)), String.class);
    assertThat(basic.getStatusCode().value()).isEqualTo(401);
    assertThat(basic.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(basic.getBody()).contains("Open Tasklist, sign in");

    // an unknown id: 404, as a page and as a problem
    TasklistSession helen = TasklistSession.login(rest, "helen");
    assertThat(helen.get("/camunda/model-changes/no-such-deployment", HTML).getStatusCode().value()).isEqualTo(404);
    ResponseEntity<String> api = helen.get("/camunda/model-changes/no-such-deployment", "application/json");
    assertThat(api.getStatusCode().value()).isEqualTo(404);
    assertThat(api.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(api.getBody()).contains("no-such-deployment");
    // and only the page's own files are served
    assertThat(helen.get("/camunda/model-changes/assets/..%2Fapplication.yaml", "*/*").getStatusCode().value())
        .isIn(400, 404);
  }

  private static HttpHeaders accept(String type) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, type);
    return headers;
  }

  private static JsonNode file(JsonNode view, String name) {
    return StreamSupport.stream(view.get("files").spliterator(), false)
        .filter(file -> file.get("file").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
  }
}
