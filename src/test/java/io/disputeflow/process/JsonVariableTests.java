package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import io.disputeflow.support.TasklistSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * JSON process variables (a case's departments, a form's checklist) on our own serializer instead of Camunda's
 * Spin: stored in the layout Spin used, and a case that Camunda 7.24 with Spin stored reads and is worked on,
 * in the engine, in Tasklist's form and in the department reviews' multi-instance.
 */
@ApplicationTest
@DatabaseTest
class JsonVariableTests {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  /** A stored variable's serializer, its text columns and its byte array as text. */
  record StoredVariable(String type, String text, String text2, String bytes) {}

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  @Test
  void shouldStoreTheDepartmentsAsCamundaSpinStoredThem() throws Exception {
    // when a complaint is classified
    String number = submit("JSON-1");
    Task investigate = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);

    // then its departments are stored as Camunda 7.24's Spin stored a JSON value (serializer "json", no text
    // columns, the compact JSON text in UTF-8 in the byte array), so Camunda with Spin reads them too
    assertThat(stored(investigate.getProcessInstanceId()))
        .isEqualTo(new StoredVariable("json", null, null, "[\"dept-cards\"]"));
    assertThat(runtimeService.getVariable(investigate.getProcessInstanceId(), "departments"))
        .isInstanceOf(JsonNode.class).hasToString("[\"dept-cards\"]");
  }

  @Test
  void shouldWorkACaseWhoseDepartmentsCamundaSpinStored() throws Exception {
    // given a case whose departments Camunda 7.24 with Spin stored: cards and digital banking
    String number = submit("JSON-2");
    Task investigate = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    String spinWrote = "[\"dept-cards\",\"dept-digital\"]";
    storeAsSpinDid(number, spinWrote);

    // then the engine reads the list
    assertThat(ComplaintVariables.DEPARTMENTS.from(runtimeService.getVariables(investigate.getProcessInstanceId())))
        .containsExactly("dept-cards", "dept-digital");

    // and Tasklist's form gets it as Camunda's did: type Json, the JSON text, for the checklist to show
    TasklistSession cora = TasklistSession.login(rest, "cora");
    JsonNode formVariables = json.readTree(cora.call(HttpMethod.GET,
        "/task/" + investigate.getId() + "/form-variables?deserializeValues=false", null).getBody());
    assertThat(formVariables.at("/departments/type").asText()).isEqualTo("Json");
    assertThat(formVariables.at("/departments/value").asText()).isEqualTo(spinWrote);

    // when the coordinator confirms them in the form, which sends the checklist back under the variable's type
    assertThat(cora.post("/task/" + investigate.getId() + "/claim", "{\"userId\": \"cora\"}").getStatusCode().value())
        .isEqualTo(204);
    ResponseEntity<String> submitted = cora.post("/task/" + investigate.getId() + "/submit-form",
        json.writeValueAsString(Map.of("variables", Map.of(
            "investigationFindings", Map.of("value", "Charged twice; both departments involved"),
            "legalNeeded", Map.of("value", false),
            "departments", Map.of("type", "Json", "value", spinWrote)))));
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
    worker.runJobs(number);

    // then each of the two departments reviews the case (the multi-instance over the list)
    List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(DepartmentReviewProcess.USER_REVIEW_DEPARTMENT).list();
    assertThat(reviews).hasSize(2);
    assertThat(reviews.stream().map(review -> taskService.getIdentityLinksForTask(review.getId()).get(0).getGroupId()))
        .containsExactlyInAnyOrder("dept-cards", "dept-digital");
  }

  private StoredVariable stored(String processInstanceId) {
    return jdbc.sql("SELECT v.TYPE_, v.TEXT_, v.TEXT2_, b.BYTES_ FROM ACT_RU_VARIABLE v"
            + " JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_ WHERE v.NAME_ = 'departments' AND v.PROC_INST_ID_ = ?")
        .param(processInstanceId)
        .query((rs, row) -> new StoredVariable(rs.getString(1), rs.getString(2), rs.getString(3),
            new String(rs.getBytes(4), StandardCharsets.UTF_8)))
        .single();
  }

  /** Every process of the case holding the departments, in the rows Camunda 7.24's Spin wrote for a JSON value. */
  private void storeAsSpinDid(String number, String text) {
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .stream().map(instance -> instance.getId()).toList();
    for (String instance : instances) {
      jdbc.sql("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE"
              + " WHERE NAME_ = 'departments' AND PROC_INST_ID_ = ?)")
          .param(text.getBytes(StandardCharsets.UTF_8)).param(instance).update();
      jdbc.sql("UPDATE ACT_RU_VARIABLE SET TYPE_ = 'json', TEXT_ = NULL, TEXT2_ = NULL, LONG_ = NULL, DOUBLE_ = NULL"
              + " WHERE NAME_ = 'departments' AND PROC_INST_ID_ = ?")
          .param(instance).update();
    }
  }

  private String submit(String reference) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("intake", "demo");
    ResponseEntity<String> response = rest.exchange("/api/complaints", HttpMethod.POST,
        new HttpEntity<>(Submissions.creditCardComplaint(reference + "-" + System.nanoTime()), headers), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return json.readTree(response.getBody()).get("complaintNumber").asText();
  }
}
