package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a call activity passes a stage ({@link ReturnChangedVariables}): the case's facts, what the stage's forms
 * show and what its decisions read, and nothing else; the stage's expressions and delegates read the rest from
 * the case ({@link io.disputeflow.engine.CallingCase}); and what it hands back: what it wrote, not the values it
 * was passed and left alone.
 */
class StageVariablesProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

  /** A Camunda Form showing the narrative, with a field for the grounds. */
  private static final String FORM = """
      {"id": "stage-form", "type": "default", "components": [
        {"type": "text", "text": "Narrative: {{narrative}}"},
        {"type": "textfield", "key": "decisionGrounds", "label": "Grounds"}]}""";

  /** A decision that reads the customer's age. */
  private static final String DECISION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="age_band_definitions" name="Age band" namespace="http://disputeflow.io/dmn">
        <decision id="age-band" name="Age band" camunda:historyTimeToLive="P1D">
          <decisionTable id="age_band_table">
            <input id="age_band_age" label="Age">
              <inputExpression id="age_band_age_expression" typeRef="integer"><text>customerAge</text></inputExpression>
            </input>
            <output id="age_band_band" name="band" typeRef="string" />
            <rule id="age_band_senior">
              <inputEntry id="age_band_senior_age"><text>&gt;= 60</text></inputEntry>
              <outputEntry id="age_band_senior_band"><text>"senior"</text></outputEntry>
            </rule>
            <rule id="age_band_younger">
              <inputEntry id="age_band_younger_age"><text>&lt; 60</text></inputEntry>
              <outputEntry id="age_band_younger_band"><text>"younger"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>""";

  /** Two facts of the case (priority, customer), what the form shows (narrative), and three values neither. */
  private static final Map<String, Object> CASE = Map.of("narrative", "Charged twice", "priority", "HIGH",
      "customerName", "王秀英", "issue", "Duplicate charge", "disputedCurrency", "CNY", "customerAge", 67L);

  private String deployment;
  private String newerDeployment;

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    if (newerDeployment != null) {
      engine.getRepositoryService().deleteDeployment(newerDeployment, true);
    }
  }

  @Test
  void shouldPassAStageTheCasesFactsAndWhatItsFormShowsAndLetItReadTheRest() {
    deploy(start -> start.serviceTask("service_note").camundaClass(NotingStage.class)
        .camundaInputParameter("issue", "${issue}")
        .camundaInputParameter("currency", "${execution.getVariable('disputedCurrency')}")
        .userTask("user_decide").camundaFormRef("stage-form").camundaFormRefBinding("deployment"));

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);

    // the stage holds the facts, the narrative its form shows and what it worked out, not a copy of the case
    RuntimeService runtime = engine.getRuntimeService();
    String stage = stageOf(instance);
    assertThat(runtime.getVariablesLocal(stage)).containsOnlyKeys("priority", "customerName", "narrative", "seen")
        // its delegate read the age, its expressions the issue and the currency from the case
        .containsEntry("seen", "67, Duplicate charge, CNY");

    // and what it worked out reaches the case when it ends
    completeStageTask(stage, Map.of("decisionGrounds", "Refund"));
    assertThat(runtime.getVariables(instance.getId())).containsEntry("seen", "67, Duplicate charge, CNY")
        .containsEntry("decisionGrounds", "Refund");
  }

  @Test
  void shouldPassAStageWhatItsDecisionReads() {
    deploy(start -> start.businessRuleTask("rule_age_band").camundaDecisionRef("age-band")
        .camundaDecisionRefBinding("deployment").camundaResultVariable("band").camundaMapDecisionResult("singleEntry")
        .userTask("user_decide").camundaFormRef("stage-form").camundaFormRefBinding("deployment"));

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);

    // the engine gives a decision the stage's own variables: the age was passed, and the decision saw it
    assertThat(engine.getRuntimeService().getVariablesLocal(stageOf(instance)))
        .containsEntry("customerAge", 67L).containsEntry("band", "senior");
  }

  @Test
  void shouldPassTheWholeCaseToAStageWithAFormItCannotRead() {
    deploy(start -> start.userTask("user_decide").camundaFormKey("embedded:app:forms/stage.html"));

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);

    assertThat(engine.getRuntimeService().getVariablesLocal(stageOf(instance))).containsOnlyKeys(CASE.keySet());
  }

  @Test
  void shouldKeepWhatTheCaseGotWhileAStageRanAndTakeBackWhatTheStageWrote() {
    deploy(start -> start.userTask("user_decide").camundaFormRef("stage-form").camundaFormRefBinding("deployment"));
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);
    String stage = stageOf(instance);

    // while the stage runs the case changes two values it passed the stage (as its clock branch does)
    RuntimeService runtime = engine.getRuntimeService();
    runtime.setVariable(instance.getId(), "priority", "LOW");
    runtime.setVariable(instance.getId(), "narrative", "Charged twice, refunded once");
    // and the stage writes one of them itself
    completeStageTask(stage, Map.of("narrative", "Charged three times"));

    // the value the stage did not touch stays as the case has it, the one it wrote comes back
    assertThat(runtime.getVariables(instance.getId())).containsEntry("priority", "LOW")
        .containsEntry("narrative", "Charged three times");
  }

  @Test
  void shouldKeepWhatTheCaseGotWhileAStageRanThoughANewerVersionOfTheStageReadsOtherValues() {
    deploy(start -> start.userTask("user_decide").camundaFormRef("stage-form").camundaFormRefBinding("deployment"));
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);
    String stage = stageOf(instance);
    engine.getRuntimeService().setVariable(instance.getId(), "narrative", "Charged twice, refunded once");

    // a process owner deploys a version of the stage whose form no longer shows the narrative
    BpmnModelInstance newer = Bpmn.createExecutableProcess("stage").camundaHistoryTimeToLive(1).startEvent()
        .userTask("user_decide").camundaFormRef("stage-form").camundaFormRefBinding("deployment").endEvent().done();
    newerDeployment = engine.getRepositoryService().createDeployment().addModelInstance("stage.bpmn", newer)
        .addInputStream("stage.form", new ByteArrayInputStream("""
            {"id": "stage-form", "type": "default", "components": [
              {"type": "textfield", "key": "decisionGrounds", "label": "Grounds"}]}"""
            .getBytes(StandardCharsets.UTF_8))).deploy().getId();
    completeStageTask(stage, Map.of());

    // the running stage was passed the narrative and left it alone: the case keeps its own
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry("narrative", "Charged twice, refunded once");
  }

  @Test
  void shouldKeepWhatTheCaseGotWhileAStagePassedTheWholeCaseRan() {
    deploy(start -> start.userTask("user_decide").camundaFormKey("embedded:app:forms/stage.html"));
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);
    String stage = stageOf(instance);

    engine.getRuntimeService().setVariable(instance.getId(), "issue", "Duplicate charge, partly refunded");
    completeStageTask(stage, Map.of("decisionGrounds", "Refund the rest"));

    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry("issue", "Duplicate charge, partly refunded").containsEntry("decisionGrounds", "Refund the rest");
  }

  /** Completes the stage's one open task with {@code variables}, as its user does in Tasklist. */
  private void completeStageTask(String stage, Map<String, Object> variables) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(stage)
        .singleResult().getId(), variables);
  }

  private String stageOf(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .singleResult().getId();
  }

  private void deploy(UnaryOperator<AbstractFlowNodeBuilder<?, ?>> stageSteps) {
    BpmnModelInstance caller = Bpmn.createExecutableProcess("caller").camundaHistoryTimeToLive(1)
        .startEvent().callActivity("call_stage").calledElement("stage")
        .camundaVariableMappingClass(ReturnChangedVariables.class.getName())
        .userTask("user_after_stage").endEvent().done();
    StartEventBuilder start = Bpmn.createExecutableProcess("stage").camundaHistoryTimeToLive(1).startEvent();
    BpmnModelInstance stage = stageSteps.apply(start).endEvent().done();
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
        .addModelInstance("caller.bpmn", caller).addModelInstance("stage.bpmn", stage)
        .addInputStream("stage.form", new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)))
        .addInputStream("age-band.dmn", new ByteArrayInputStream(DECISION.getBytes(StandardCharsets.UTF_8)));
    deployment = builder.deploy().getId();
  }

  /** Notes the customer's age, read by a delegate, with the issue and currency its expressions read. */
  public static class NotingStage implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      Long age = ComplaintVariables.CUSTOMER_AGE.get(execution);
      execution.setVariable("seen", age + ", " + execution.getVariable("issue") + ", "
          + execution.getVariable("currency"));
    }
  }
}
