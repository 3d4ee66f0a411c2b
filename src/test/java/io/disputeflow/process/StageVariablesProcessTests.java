package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a call activity passes a stage ({@link ReturnChangedVariables}): what the stage's forms show, and
 * nothing else; the stage's expressions and delegates read the rest from the case ({@link CallingCase}).
 */
class StageVariablesProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

  /** A Camunda Form showing the narrative, with a field for the grounds. */
  private static final String FORM = """
      {"id": "stage-form", "type": "default", "components": [
        {"type": "text", "text": "Narrative: {{narrative}}"},
        {"type": "textfield", "key": "decisionGrounds", "label": "Grounds"}]}""";

  private static final Map<String, Object> CASE = Map.of("narrative", "Charged twice", "priority", "HIGH",
      "customerName", "王秀英");

  private String deployment;

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void shouldPassAStageWhatItsFormShowsAndLetItReadTheRestOfTheCase() {
    deploy(task -> task.camundaFormRef("stage-form").camundaFormRefBinding("deployment"));

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);

    // the stage holds the narrative its form shows and what it worked out itself, not a copy of the case
    RuntimeService runtime = engine.getRuntimeService();
    String stage = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult().getId();
    assertThat(runtime.getVariablesLocal(stage)).containsOnlyKeys("narrative", "seen")
        .containsEntry("narrative", "Charged twice")
        // its delegate read the priority and its expression the customer from the case
        .containsEntry("seen", "HIGH for 王秀英");

    // and what it worked out reaches the case when it ends
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(stage)
        .singleResult().getId(), Map.of("decisionGrounds", "Refund"));
    assertThat(runtime.getVariables(instance.getId())).containsEntry("seen", "HIGH for 王秀英")
        .containsEntry("decisionGrounds", "Refund");
  }

  @Test
  void shouldPassTheWholeCaseToAStageWithAFormItCannotRead() {
    deploy(task -> task.camundaFormKey("embedded:app:forms/stage.html"));

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caller", CASE);

    RuntimeService runtime = engine.getRuntimeService();
    String stage = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult().getId();
    assertThat(runtime.getVariablesLocal(stage)).containsOnlyKeys("narrative", "priority", "customerName", "seen");
  }

  private void deploy(java.util.function.UnaryOperator<UserTaskBuilder> form) {
    BpmnModelInstance caller = Bpmn.createExecutableProcess("caller").camundaHistoryTimeToLive(1)
        .startEvent().callActivity("call_stage").calledElement("stage")
        .camundaVariableMappingClass(ReturnChangedVariables.class.getName())
        .userTask("user_after_stage").endEvent().done();
    BpmnModelInstance stage = form.apply(Bpmn.createExecutableProcess("stage").camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("service_note").camundaClass(NotingStage.class)
            .camundaInputParameter("customer", "${customerName}")
            .userTask("user_decide"))
        .endEvent().done();
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("caller.bpmn", caller).addModelInstance("stage.bpmn", stage)
        .addInputStream("stage.form", new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)))
        .deploy().getId();
  }

  /** Notes the case's priority, read by a delegate, and its customer, read by an expression. */
  public static class NotingStage implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      String priority = ComplaintVariables.PRIORITY.get(execution);
      execution.setVariable("seen", priority + " for " + execution.getVariable("customer"));
    }
  }
}
