package io.disputeflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.LegalConsultationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Modeler;
import io.disputeflow.support.Submissions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner changes a stage model (a user task renamed, a new optional step: an exclusive
 * gateway and a task after it), deploys it from Modeler and moves the open complaints waiting in
 * that model to the new version through {@code POST /api/process-versions/{key}/migrate}.
 */
// shares the application: the shipped stage models are deployed back after the class (restoreShippedModels)
@ApplicationTest
class ProcessMigrationTests {

  static final AtomicInteger REFERENCES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseWorker worker;
  Modeler modeler;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
    modeler = new Modeler(port);
  }

  /**
   * The process owner deploys the shipped stage models back, as after a trial of a change: the classes
   * after this one share the application and start their complaints on the models as shipped (a
   * complaint this class moved stays on the version it was moved to, as in production).
   */
  @AfterAll
  static void restoreShippedModels(@LocalServerPort int port) {
    Modeler modeler = new Modeler(port);
    for (String key : List.of(InvestigationProcess.KEY, DepartmentReviewProcess.KEY, LegalConsultationProcess.KEY,
        ResolutionProcess.KEY, FeedbackProcess.KEY)) {
      HttpResponse<String> deployed = modeler.deployApproved("paul", "helen", key + " as shipped",
          withForms(Map.of(key + ".bpmn", Modeler.shipped(key + ".bpmn"))));
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
    }
  }

  /** A stage model, the user task its open complaints wait in, and how a complaint gets there. */
  record Stage(String key, String task, String doneBy, Map<String, Object> taskVariables, int stepsBefore) {}

  @Test
  void shouldMoveComplaintsWaitingInEachStageToTheChangedVersionAndTakeItsNewStep() throws Exception {
    List<Stage> stages = List.of(
        new Stage(InvestigationProcess.KEY, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora",
            investigation(true), 0),
        new Stage(DepartmentReviewProcess.KEY, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl", review(), 1),
        new Stage(LegalConsultationProcess.KEY, LegalConsultationProcess.USER_GIVE_LEGAL_OPINION, "lara",
            Map.of("legalOpinion", "No contractual issue", "legalRisk", "LOW"), 2),
        new Stage(ResolutionProcess.KEY, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora", proposal(), 3),
        new Stage(FeedbackProcess.KEY, FeedbackProcess.USER_RECORD_ROOT_CAUSE, "cora", rootCause(), 7));
    for (Stage stage : stages) {
      // given two complaints waiting in the stage's user task on version 1
      List<String> waiting = List.of(complaintAt(stage), complaintAt(stage));
      ProcessDefinition v1 = latest(stage.key());
      long open = instancesOf(v1);

      // and the process owner's version 2: the task renamed, an optional second look after it
      String optionalTask = optionalTask(v1.getVersion() + 1);
      // (submitted, then approved by the head of consumer protection: four eyes)
      HttpResponse<String> deployed = modeler.deployApproved("paul", "helen", stage.key() + " " + optionalTask,
          withForms(changed(stage)));
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
      ProcessDefinition v2 = latest(stage.key());
      assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

      // when a dry run is asked for, then it reports the plan and changes nothing
      JsonNode dryRun = migrate(stage.key(), v1.getVersion(), true, 200);
      assertThat(dryRun.get("openInstances").asLong()).as(stage.key()).isEqualTo(open).isGreaterThanOrEqualTo(2);
      assertThat(dryRun.get("migratable").asLong()).isEqualTo(open);
      assertThat(dryRun.get("notMigratable")).isEmpty();
      assertThat(dryRun.path("batchId").asText(null)).as("no batch in a dry run").isNull();
      assertThat(dryRun.get("instructions").toString()).contains("{\"sourceActivityIds\":[\"" + stage.task()
          + "\"],\"targetActivityIds\":[\"" + stage.task() + "\"]}");
      assertThat(instancesOf(v1)).isEqualTo(open);

      // when the migration runs
      JsonNode migration = migrate(stage.key(), v1.getVersion(), false, 200);
      assertThat(migration.get("batchId").asText()).isNotBlank();
      worker.runBatch(migration.get("batchId").asText());

      // then both wait in the same task of version 2, and the first takes the new optional step
      assertThat(instancesOf(v1)).as(stage.key()).isZero();
      assertThat(instancesOf(v2)).isEqualTo(open);
      String oldName = model(v1).<UserTask>getModelElementById(stage.task()).getName();
      String newName = model(v2).<UserTask>getModelElementById(stage.task()).getName();
      for (String number : waiting) {
        Task task = worker.openTask(number, stage.task());
        assertThat(task.getProcessDefinitionId()).isEqualTo(v2.getId());
        // the engine moves the task as it is: the open task keeps the name it was created with
        // (Tasklist's presentation adds the case after it)
        assertThat(task.getName()).startsWith(oldName).doesNotStartWith(newName);
      }
      Map<String, Object> secondLook = new HashMap<>(stage.taskVariables());
      secondLook.put("secondLookNeeded", true);
      worker.complete(waiting.get(0), stage.task(), stage.doneBy(), secondLook);
      worker.complete(waiting.get(0), optionalTask, "sam", Map.of());
      worker.complete(waiting.get(1), stage.task(), stage.doneBy(), stage.taskVariables());
      for (String number : waiting) {
        assertThat(worker.openTasks(number).stream().map(Task::getTaskDefinitionKey))
            .as("%s went on after %s", number, stage.key()).doesNotContain(stage.task(), optionalTask);
      }
    }
  }

  @Test
  void shouldReportInstancesWhoseTaskIdChangedAndMoveThemWithAnExplicitMapping() throws Exception {
    // given complaints waiting in the investigation, and a version 2 in which the task's id changed
    List<String> waiting = List.of(complaintAt(new Stage(null, null, null, null, 0)), complaintAt(
        new Stage(null, null, null, null, 0)));
    ProcessDefinition v1 = latest(InvestigationProcess.KEY);
    BpmnModelInstance model = model(v1);
    String renamed = Bpmn.convertToString(model).replace(InvestigationProcess.USER_INVESTIGATE_COMPLAINT,
        "user_investigate_case");
    assertThat(modeler.deployApproved("paul", "helen", "investigation, task id changed",
        withForms(Map.of("investigation.bpmn", renamed))).statusCode()).isEqualTo(202);

    // when the plan maps equal ids only, then neither can move, and each says why (the application is shared:
    // other classes' complaints may wait in the investigation too, and the report accounts for every one)
    long open = instancesOf(v1);
    JsonNode report = migrate(InvestigationProcess.KEY, v1.getVersion(), true, 200);
    List<JsonNode> ours = new ArrayList<>();
    report.get("notMigratable").forEach(entry -> {
      if (waiting.contains(entry.get("businessKey").asText())) {
        ours.add(entry);
      }
    });
    assertThat(ours).hasSize(waiting.size()).allSatisfy(entry -> assertThat(entry.get("reasons").toString())
        .contains(InvestigationProcess.USER_INVESTIGATE_COMPLAINT).contains("no migration instruction"));
    assertThat(report.get("migratable").asLong() + report.get("notMigratable").size()).isEqualTo(open);

    // when the changed id is mapped, then every open investigation moves, these two with it
    JsonNode mapped = migrate(InvestigationProcess.KEY, v1.getVersion(), false, 200,
        Map.of(InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "user_investigate_case"));
    assertThat(mapped.get("migratable").asLong()).isEqualTo(open);
    worker.runBatch(mapped.get("batchId").asText());
    ProcessDefinition v2 = latest(InvestigationProcess.KEY);
    assertThat(instancesOf(v1)).isZero();
    assertThat(instancesOf(v2)).isEqualTo(open);
    waiting.forEach(number -> assertThat(worker.openTask(number, "user_investigate_case").getProcessDefinitionId())
        .isEqualTo(v2.getId()));

    // and back, mapped the other way, as a process owner would undo the change (the code knows the old id)
    assertThat(modeler.deployApproved("paul", "helen", "investigation, task id restored",
        withForms(Map.of("investigation.bpmn", Bpmn.convertToString(model)))).statusCode()).isEqualTo(202);
    JsonNode back = migrate(InvestigationProcess.KEY, v2.getVersion(), false, 200,
        Map.of("user_investigate_case", InvestigationProcess.USER_INVESTIGATE_COMPLAINT));
    worker.runBatch(back.get("batchId").asText());
    waiting.forEach(number -> worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT));
  }

  @Test
  void shouldMigrateManyOpenComplaintsInOneBatch() throws Exception {
    // given N complaints waiting in the investigation
    int n = Integer.getInteger("disputeflow.migration.instances", 20);
    long submitStarted = System.nanoTime();
    for (int i = 0; i < n; i++) {
      submit();
    }
    double submitSeconds = (System.nanoTime() - submitStarted) / 1e9;
    ProcessDefinition v1 = latest(InvestigationProcess.KEY);
    long open = instancesOf(v1);
    assertThat(open).isGreaterThanOrEqualTo(n);
    Stage investigation = new Stage(InvestigationProcess.KEY, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora",
        investigation(false), 0);
    assertThat(modeler.deployApproved("paul", "helen", "investigation, many", withForms(changed(investigation))).statusCode())
        .isEqualTo(202);

    // when
    long started = System.nanoTime();
    JsonNode dryRun = migrate(InvestigationProcess.KEY, v1.getVersion(), true, 200);
    double dryRunSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    JsonNode migration = migrate(InvestigationProcess.KEY, v1.getVersion(), false, 200);
    double requestSeconds = (System.nanoTime() - started) / 1e9;
    worker.runBatch(migration.get("batchId").asText());
    double totalSeconds = (System.nanoTime() - started) / 1e9;

    // then
    assertThat(dryRun.get("migratable").asLong()).isEqualTo(open);
    assertThat(instancesOf(v1)).isZero();
    assertThat(instancesOf(latest(InvestigationProcess.KEY))).isEqualTo(open);
    System.out.printf("MEASURED migration of %d open investigations: submit %.1f s, dry run %.2f s,"
        + " request (check + batch) %.2f s, request + batch jobs %.2f s%n", open, submitSeconds, dryRunSeconds,
        requestSeconds, totalSeconds);
  }

  @Test
  void shouldRefuseBadInputNamingTheField() throws Exception {
    // given a newer feedback version: only its name changed
    BpmnModelInstance feedback = model(latest(FeedbackProcess.KEY));
    feedback.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(FeedbackProcess.KEY)
        .setName("Feedback " + REFERENCES.incrementAndGet());
    assertThat(modeler.deployApproved("paul", "helen", "feedback renamed", withForms(Map.of("feedback.bpmn",
        Bpmn.convertToString(feedback)))).statusCode()).isEqualTo(202);

    // when / then
    assertProblem("/api/process-versions/no-such-model/migrate", "{\"fromVersion\": 1}", 404, "key");
    assertProblem("/api/process-versions/" + FeedbackProcess.KEY + "/migrate", "{\"dryRun\": true}", 400,
        "fromVersion");
    assertProblem("/api/process-versions/" + FeedbackProcess.KEY + "/migrate", "{\"fromVersion\": \"one\"}", 400,
        "fromVersion");
    int latest = latest(FeedbackProcess.KEY).getVersion();
    assertProblem("/api/process-versions/" + FeedbackProcess.KEY + "/migrate",
        "{\"fromVersion\": " + latest + "}", 400, "fromVersion");
    assertProblem("/api/process-versions/" + FeedbackProcess.KEY + "/migrate",
        "{\"fromVersion\": " + (latest + 7) + "}", 404, "fromVersion");
    assertProblem("/api/process-versions/" + FeedbackProcess.KEY + "/migrate",
        "{\"fromVersion\": " + (latest - 1) + ", \"mappings\": {\"user_nothing\": \"user_else\"}}", 400,
        "mappings.user_nothing");
  }

  private void assertProblem(String path, String body, int status, String field) throws Exception {
    HttpResponse<String> response = modeler.send("paul", "POST", path, "application/json", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).get("errors").toString()).contains("\"field\":\"" + field + "\"");
  }

  private JsonNode migrate(String key, int fromVersion, boolean dryRun, int status) throws Exception {
    return migrate(key, fromVersion, dryRun, status, Map.of());
  }

  private JsonNode migrate(String key, int fromVersion, boolean dryRun, int status, Map<String, String> mappings)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fromVersion", fromVersion);
    body.put("dryRun", dryRun);
    body.put("mappings", mappings);
    HttpResponse<String> response = modeler.send("paul", "POST", "/api/process-versions/" + key + "/migrate",
        "application/json", json.writeValueAsString(body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  /** The optional task a changed version adds (ids carry the version: another test may have changed the model). */
  private static String optionalTask(int version) {
    return "user_take_second_look_v" + version;
  }

  /** The next version of the stage's model: its task renamed, then an optional second look before the next step. */
  private Map<String, String> changed(Stage stage) {
    ProcessDefinition latest = latest(stage.key());
    String suffix = "_v" + (latest.getVersion() + 1);
    BpmnModelInstance model = model(latest);
    UserTask task = model.getModelElementById(stage.task());
    task.setName(task.getName().replaceAll(" \\(v\\d+\\)$", "") + " (v" + (latest.getVersion() + 1) + ")");
    SequenceFlow out = task.getOutgoing().iterator().next();
    FlowNode next = out.getTarget();
    ModelElementInstance parent = task.getParentElement();
    // ids are set once the element is in the model, which indexes them then
    ExclusiveGateway xor = model.newInstance(ExclusiveGateway.class);
    parent.addChildElement(xor);
    xor.setId("xor_second_look_needed" + suffix);
    xor.setName("Second look needed?");
    UserTask look = model.newInstance(UserTask.class);
    parent.addChildElement(look);
    look.setId(optionalTask(latest.getVersion() + 1));
    look.setName("Take a second look");
    look.setCamundaCandidateGroups("supervisor");
    out.setTarget(xor);
    xor.setDefault(flow(model, parent, "xor_second_look_needed_no" + suffix, xor, next));
    SequenceFlow yes = flow(model, parent, "xor_second_look_needed_yes" + suffix, xor, look);
    ConditionExpression condition = model.newInstance(ConditionExpression.class);
    condition.setTextContent("${execution.getVariable('secondLookNeeded') == true}");
    yes.setConditionExpression(condition);
    flow(model, parent, "flow_second_look_to_next" + suffix, look, next);
    return Map.of(stage.key() + ".bpmn", Bpmn.convertToString(model));
  }

  private static SequenceFlow flow(BpmnModelInstance model, ModelElementInstance parent, String id, FlowNode from,
      FlowNode to) {
    SequenceFlow flow = model.newInstance(SequenceFlow.class);
    parent.addChildElement(flow);
    flow.setId(id);
    flow.setSource(from);
    flow.setTarget(to);
    return flow;
  }

  /** The model with the forms it references, as the deploy dialog sends them with "include additional files". */
  private static Map<String, String> withForms(Map<String, String> models) {
    Map<String, String> files = new HashMap<>(models);
    models.values().forEach(model -> java.util.regex.Pattern.compile("\\bformRef=\"([^\"]+)\"").matcher(model)
        .results().forEach(ref -> files.put(ref.group(1) + ".form", Modeler.shipped("forms/" + ref.group(1) + ".form"))));
    return files;
  }

  /** The deployed model as a copy of its own: the engine's cached instance must not change. */
  private BpmnModelInstance model(ProcessDefinition definition) {
    return Bpmn.readModelFromStream(repositoryService.getProcessModel(definition.getId()));
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private long instancesOf(ProcessDefinition definition) {
    return runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
  }

  /** A new complaint taken as far as the stage: the steps of a plain case with legal counsel. */
  private String complaintAt(Stage stage) throws Exception {
    String number = submit();
    List<Runnable> steps = List.of(
        () -> worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation(true)),
        () -> worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl", review()),
        () -> worker.complete(number, LegalConsultationProcess.USER_GIVE_LEGAL_OPINION, "lara",
            Map.of("legalOpinion", "No contractual issue", "legalRisk", "LOW")),
        () -> worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora", proposal()),
        () -> customer(number, "customer-response", "{\"accepted\": true}"),
        () -> worker.payRedress(number),
        () -> customer(number, "survey", "{\"score\": 4, \"comment\": \"ok\"}"));
    steps.subList(0, stage.stepsBefore()).forEach(Runnable::run);
    return number;
  }

  private String submit() throws Exception {
    HttpResponse<String> created = modeler.send("intake", "POST", "/api/complaints", "application/json",
        Submissions.creditCardComplaint("MIG-" + REFERENCES.incrementAndGet()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("complaintNumber").asText();
  }

  private void customer(String number, String action, String body) {
    HttpResponse<String> response = modeler.send("intake", "POST", "/api/complaints/" + number + "/" + action,
        "application/json", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    worker.runJobs(number);
  }

  private static Map<String, Object> investigation(boolean legalNeeded) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationFindings", "客户陈述属实，需部门复核");
    variables.put("legalNeeded", legalNeeded);
    ComplaintVariables.DEPARTMENTS.put(variables, List.of("dept-cards"));
    return variables;
  }

  private static Map<String, Object> review() {
    return Map.of("reviewFindings", "复核结论", "reviewRecommendation", "UPHOLD");
  }

  private static Map<String, Object> proposal() {
    return Map.of("decision", "UPHOLD", "compensationAmount", 500.0, "decisionGrounds", "Double charge confirmed");
  }

  private static Map<String, Object> rootCause() {
    return Map.of("rootCause", "SYSTEM_FAULT", "rootCauseDepartment", "dept-digital", "systemicCause", false,
        "rootCauseNotes", "Double posting");
  }
}
