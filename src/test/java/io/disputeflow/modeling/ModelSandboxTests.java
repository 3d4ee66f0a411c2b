package io.disputeflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.Modeler;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A model is code that runs with the application's rights. A process owner's model that reaches
 * for Java, the engine or the Spring context is refused at deployment (400 naming the model, the
 * element, the attribute and the forbidden part), and the same model written straight into the
 * database (as if deployed before the check) cannot run it either.
 */
@ApplicationTest
class ModelSandboxTests {

  /** What paul deployed: a timer start two seconds later, a service task that reads the server's user. */
  static final String PROBE = "${execution.setVariable('who', ''.getClass().forName('java.lang.System')"
      + ".getMethod('getProperty', ''.getClass()).invoke(null, 'user.name'))}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired DecisionService decisionService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired io.disputeflow.modeling.approval.PendingDeployments pending;
  Modeler modeler;

  @BeforeEach
  void useThisApplicationsEngine() {
    ApplicationEngine.registerForWebRequests(engine);
    modeler = new Modeler(port);
  }

  @Test
  void shouldRefuseTheProbeAtDeploymentAndStoreNothing() throws Exception {
    // given
    long deployments = repositoryService.createDeploymentQuery().count();
    long jobs = managementService.createJobQuery().count();

    // when paul deploys the probe from Modeler
    HttpResponse<String> response = modeler.deploy("paul", "probe", Map.of("probe.bpmn", timerProbe(PROBE)));

    // then it is refused, naming the model, the element, the attribute and what is forbidden
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    String message = json.readTree(response.body()).get("message").asText();
    assertThat(message).contains("probe.bpmn").contains("Service task 'service_who' (Who)")
        .contains("attribute camunda:expression").contains("reflection: calling 'getClass'")
        .contains("reflection: calling 'forName'").contains("reflection: calling 'invoke'")
        .contains("calling 'setVariable' on the engine's execution");
    assertThat(repositoryService.createDeploymentQuery().count()).as("no deployment").isEqualTo(deployments);
    assertThat(managementService.createJobQuery().count()).as("no timer").isEqualTo(jobs);
  }

  @Test
  void shouldNotRunTheProbeWhenItIsPlantedInTheDatabase() {
    // given a harmless model with the probe's timer, deployed, and then the probe written over it in the database
    String deployment = deploy("probe.bpmn", timerProbe("${true}"));
    try {
      plant(deployment, "probe.bpmn", timerProbe(PROBE));
      String job = managementService.createJobQuery().processDefinitionKey("probe").singleResult().getId();

      // when the timer fires
      assertThatThrownBy(() -> managementService.executeJob(job))
          // then the expression is refused where it runs
          .hasMessageContaining("Expression refused: calling 'getClass' on a java.lang.String");

      // and nothing of it ran: no variable 'who', no finished instance
      assertThat(historyService.createHistoricVariableInstanceQuery().variableName("who").count()).isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("probe").count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  /** The catalogue as a process owner would deploy it from Modeler: each refused, naming what, nothing stored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')} | reflection: calling 'forName'
      ${''.getClass().forName('java.lang.ProcessBuilder').getConstructors()[0].newInstance(null).start()} | reflection: calling 'newInstance'
      ${execution.getProcessEngineServices().getRuntimeService()} | calling 'getProcessEngineServices' on the engine's execution
      ${applicationContext} | 'applicationContext'
      ${applicationContext.getBean('dataSource')} | calling 'getBean' on the bean 'applicationContext'
      ${runtimeService.createProcessInstanceQuery().list()} | calling 'createProcessInstanceQuery' on the bean 'runtimeService'
      ${decisionClock.isOpen('CMP-2026-000001')} | calling 'isOpen' on the bean 'decisionClock'
      ${fn:exec('id')} | static call 'fn:exec('id')'
      """)
  void shouldRefuseEachForbiddenExpressionAtDeployment(String expression, String forbidden) throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    long submissions = jdbc.queryForObject("SELECT COUNT(*) FROM pending_deployment", Long.class);

    HttpResponse<String> response = modeler.deploy("paul", "forbidden", Map.of("planted.bpmn", plainModel(expression)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).contains("planted.bpmn")
        .contains("Service task 'service_who' (Who): attribute camunda:expression").contains(forbidden);
    assertThat(repositoryService.createDeploymentQuery().count()).as("no deployment").isEqualTo(deployments);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pending_deployment", Long.class)).as("nothing held")
        .isEqualTo(submissions);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')} | calling 'getClass' on a java.lang.String
      ${''.getClass().forName('java.lang.ProcessBuilder').getConstructors()[0].newInstance(null).start()} | calling 'getClass' on a java.lang.String
      ${execution.getProcessEngineServices().getRuntimeService()} | calling 'getProcessEngineServices' on the engine's execution
      ${execution.processEngineServices.repositoryService} | reading 'processEngineServices' of the engine's execution
      ${execution.setVariable('approved', true)} | calling 'setVariable' on the engine's execution
      ${runtimeService.createProcessInstanceQuery().count()} | the bean 'runtimeService' is not one a model may use
      ${dataSource} | the bean 'dataSource' is not one a model may use
      ${applicationContext} | Cannot resolve identifier 'applicationContext'
      ${decisionClock.isOpen('CMP-2026-000001')} | calling 'isOpen' on the bean 'decisionClock'
      ${workingDays.fromNow('P1D').getClass()} | calling 'getClass' on a java.util.Date
      ${fn:exec('id')} | Expression refused: models call no functions or static methods
      ${dateTime().getClass()} | calling 'getClass' on a org.joda.time.DateTime
      """)
  void shouldNotRunAForbiddenExpressionPlantedInTheDatabase(String expression, String refusal) {
    // given a harmless model, then the forbidden expression written over it in the database
    String deployment = deploy("planted.bpmn", plainModel("${true}"));
    try {
      plant(deployment, "planted.bpmn", plainModel(expression));

      // when / then
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("planted")).hasStackTraceContaining(refusal);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("planted").count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldRunWhatTheAllowListPermits() {
    // given a model that compares a variable and calls an allowed helper
    String deployment = deploy("allowed.bpmn", plainModel("${amount > 100 ? workingDays.fromNow('P5D') : null}")
        .replace("camunda:expression=", "camunda:resultVariable=\"dueAt\" camunda:expression="));
    try {
      // when
      var instance = runtimeService.startProcessInstanceByKey("planted", Variables.putValue("amount", 500));

      // then the helper ran and its result is a variable
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName("dueAt").singleResult().getValue()).isInstanceOf(java.util.Date.class);
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldRefuseScriptsClassesAndConnectorsAtDeployment() throws Exception {
    String model = plainModel("${true}").replace("<bpmn:endEvent id=\"end\" />", """
        <bpmn:endEvent id="end">
          <bpmn:extensionElements>
            <camunda:executionListener class="java.lang.Object" event="end" />
            <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">'id'.execute()</camunda:script></camunda:executionListener>
          </bpmn:extensionElements>
        </bpmn:endEvent>
        <bpmn:scriptTask id="script_who" name="Who" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
        <bpmn:userTask id="user_look" name="Look" camunda:formKey="embedded:deployment:look.html">
          <bpmn:extensionElements><camunda:taskListener expression="${runtimeService}" event="create" /></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:intermediateCatchEvent id="timer_wait" name="Wait">
          <bpmn:timerEventDefinition id="TimerEventDefinition_0a1b2c3"><bpmn:timeDuration>${dateTime().plusDays(1)}</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="service_now" name="Now" camunda:expression="${now()}" />
        <bpmn:serviceTask id="service_call" name="Call">
          <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
        </bpmn:serviceTask>""");

    HttpResponse<String> response = modeler.deploy("paul", "code", Map.of("code.bpmn", model));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText())
        .contains("class 'java.lang.Object' is not one of the application's delegates")
        .contains("End event 'end': a script (camunda:script, groovy)")
        .contains("Script task 'script_who' (Who): a script task runs code")
        .contains("Service task 'service_call' (Call): a connector")
        .contains("User task 'user_look' (Look): camunda:formKey 'embedded:deployment:look.html' is an embedded")
        .contains("Task listener of User task 'user_look' (Look): attribute expression ${runtimeService} is refused:"
            + " the bean 'runtimeService'")
        .contains("Intermediate catch event 'timer_wait' (Wait): timeDuration ${dateTime().plusDays(1)} is refused:"
            + " calling 'plusDays' on 'dateTime()'").contains("static call 'dateTime()'")
        .contains("Service task 'service_now' (Now): attribute camunda:expression ${now()} is refused: static call");

    HttpResponse<String> html = modeler.deploy("paul", "html", Map.of("look.html", "<script>fetch('/x')</script>"));
    assertThat(html.statusCode()).as(html.body()).isEqualTo(400);
    assertThat(json.readTree(html.body()).get("message").asText()).contains("look.html would run in the browser");
  }

  @Test
  void shouldNotRunAScriptPlantedInTheDatabase() {
    String deployment = deploy("planted.bpmn", plainModel("${true}"));
    try {
      plant(deployment, "planted.bpmn", plainModel("${true}").replace(
          "<bpmn:serviceTask id=\"service_who\" name=\"Who\" camunda:expression=\"${true}\" />",
          "<bpmn:scriptTask id=\"service_who\" name=\"Who\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()"
              + "</bpmn:script></bpmn:scriptTask>"));

      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("planted"))
          .hasMessageContaining("Script refused: models run no scripts ('groovy')");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldNotLoadAModelNamingAForeignClassPlantedInTheDatabase() {
    String deployment = deploy("planted.bpmn", plainModel("${true}"));
    try {
      plant(deployment, "planted.bpmn", plainModel("${true}").replace("camunda:expression=\"${true}\"",
          "camunda:class=\"java.util.Timer\""));

      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("planted"))
          .hasStackTraceContaining("names the class 'java.util.Timer', which is not one of the application's delegates");
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("planted").count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldRefuseJuelInADecisionAtDeploymentAndNotEvaluateItWhenPlanted() throws Exception {
    // when paul deploys a decision whose input is JUEL
    HttpResponse<String> response = modeler.deploy("paul", "juel", Map.of("juel.dmn", decision("juel",
        "${execution.getProcessEngineServices()}")));

    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).contains("juel.dmn")
        .contains("decision 'planted_decision', inputExpression 'input_amount_expression'").contains("expressionLanguage 'juel'");

    // given the FEEL decision deployed and the JUEL one written over it in the database
    String deployment = deploy("planted.dmn", decision("feel", "amount"));
    try {
      Object size = decisionService.evaluateDecisionTableByKey("planted_decision", Variables.putValue("amount", 5))
          .getSingleResult().getSingleEntry();
      assertThat(size).isEqualTo("small");
      plant(deployment, "planted.dmn", decision("juel", "${amount}"));

      // when / then
      assertThatThrownBy(() -> decisionService.evaluateDecisionTableByKey("planted_decision",
          Variables.putValue("amount", 5))).hasStackTraceContaining("decisions are written in FEEL; JUEL (${amount})");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldDeployEveryShippedModelUnderTheRules() throws Exception {
    // given every model, decision and form of processes/, as a process owner has them in Modeler
    Map<String, String> files = new LinkedHashMap<>();
    try (var shipped = java.nio.file.Files.walk(java.nio.file.Path.of("processes"))) {
      for (var file : shipped.filter(path -> path.toString().matches(".*\\.(bpmn|dmn|form)$")).sorted().toList()) {
        files.put(file.getFileName().toString(), java.nio.file.Files.readString(file));
      }
    }
    long processes = files.keySet().stream().filter(name -> name.endsWith(".bpmn")).count();

    // when they are deployed as a new deployment (and approved by helen)
    HttpResponse<String> response = modeler.deployApproved("paul", "helen", "every shipped model", files);

    // then all of them pass
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String id = pending.find(Modeler.idOf(response)).orElseThrow().deploymentId();
    try {
      assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(id).count()).isEqualTo(processes);
      assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(id).count())
          .isGreaterThanOrEqualTo(3);

      // and the operation log names who deployed them
      assertThat(historyService.createUserOperationLogQuery().deploymentId(id).operationType("Create").list())
          .extracting(entry -> entry.getUserId()).containsOnly("paul").isNotEmpty();
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
  }

  private String deploy(String name, String model) {
    return repositoryService.createDeployment().name("planted").addString(name, model).deploy().getId();
  }

  /** Writes the model over the deployed resource, as a database administrator could, and empties the engine's cache. */
  private void plant(String deployment, String name, String model) {
    int updated = jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE DEPLOYMENT_ID_ = ? AND NAME_ = ?",
        model.getBytes(StandardCharsets.UTF_8), deployment, name);
    assertThat(updated).isEqualTo(1);
    var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
    cache.discardProcessDefinitionCache();
    cache.discardDecisionDefinitionCache();
    cache.discardDecisionRequirementsDefinitionCache();
  }

  static String timerProbe(String expression) {
    return model("probe", """
        <bpmn:startEvent id="start_in_two_seconds" name="In two seconds">
          <bpmn:timerEventDefinition id="timer_in_two_seconds"><bpmn:timeCycle>R1/PT2S</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:startEvent>""", "start_in_two_seconds", expression);
  }

  static String plainModel(String expression) {
    return model("planted", "<bpmn:startEvent id=\"start\" />", "start", expression);
  }

  private static String model(String key, String start, String startId, String expression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" name="%1$s" isExecutable="true" camunda:historyTimeToLive="P1096D">
            %2$s
            <bpmn:sequenceFlow id="flow_to_who" sourceRef="%3$s" targetRef="service_who" />
            <bpmn:serviceTask id="service_who" name="Who" camunda:expression="%4$s" />
            <bpmn:sequenceFlow id="flow_to_end" sourceRef="service_who" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, start, startId, expression.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;"));
  }

  private static String decision(String language, String input) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_planted" name="Planted" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="planted_decision" name="Planted">
            <decisionTable id="table_planted" hitPolicy="FIRST">
              <input id="input_amount" label="Amount">
                <inputExpression id="input_amount_expression" typeRef="integer" expressionLanguage="%s"><text>%s</text></inputExpression>
              </input>
              <output id="output_size" name="size" typeRef="string" />
              <rule id="rule_small"><inputEntry id="entry_small"><text>&lt; 10</text></inputEntry><outputEntry id="out_small"><text>"small"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(language, input);
  }
}
