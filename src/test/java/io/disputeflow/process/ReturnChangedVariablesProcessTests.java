package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.engine.JsonVariable;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a called stage hands back to the case, and what it leaves alone (processes/*.bpmn call activities). */
class ReturnChangedVariablesProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

  private String deployment;

  @BeforeEach
  void deployCallerAndStage() {
    BpmnModelInstance caller = Bpmn.createExecutableProcess("caller").camundaHistoryTimeToLive(1)
        .startEvent().callActivity("call_stage").calledElement("stage")
        .camundaVariableMappingClass(ReturnChangedVariables.class.getName())
        .userTask("user_after_stage").endEvent().done();
    CamundaIn all = caller.newInstance(CamundaIn.class);
    all.setCamundaVariables("all");
    caller.<CallActivity>getModelElementById("call_stage").builder().addExtensionElement(all);
    BpmnModelInstance stage = Bpmn.createExecutableProcess("stage").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("service_classify").camundaClass(ClassifyingStage.class).endEvent().done();
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("caller.bpmn", caller).addModelInstance("stage.bpmn", stage).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void shouldHandBackWhatTheStageAddedOrChangedAndNotRewriteTheRest() throws Exception {
    // given a case with a priority, a narrative and a JSON list of departments
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance instance = runtime.startProcessInstanceByKey("caller", Map.of("priority", "NORMAL",
        "narrative", "Charged twice", "departments", JsonVariable.of(new ObjectMapper().readTree("[\"dept-cards\"]"))));

    // then the stage's new and changed values reached the case, the others kept theirs
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    assertThat(variables).containsEntry("priority", "HIGH").containsEntry("category", "BILLING")
        .containsEntry("narrative", "Charged twice");
    assertThat(variables.get("departments").toString()).isEqualTo("[\"dept-cards\"]");

    // and the case's history records each value once, without a copy of what came back unchanged
    assertThat(updatesInCase(instance, "priority")).containsExactly("NORMAL", "HIGH");
    assertThat(updatesInCase(instance, "category")).containsExactly("BILLING");
    assertThat(updatesInCase(instance, "narrative")).containsExactly("Charged twice");
    assertThat(updatesInCase(instance, "departments")).hasSize(1);
  }

  /** A stage that changes the priority, adds a category and sets the narrative to what it already was. */
  public static class ClassifyingStage implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("priority", "HIGH");
      execution.setVariable("category", "BILLING");
      execution.setVariable("narrative", execution.getVariable("narrative"));
    }
  }

  private List<Object> updatesInCase(ProcessInstance instance, String variable) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(variable))
        .map(HistoricVariableUpdate::getValue).toList();
  }
}
