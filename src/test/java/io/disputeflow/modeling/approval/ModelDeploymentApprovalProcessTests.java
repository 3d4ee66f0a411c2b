package io.disputeflow.modeling.approval;

import static io.disputeflow.process.ModelDeploymentApprovalProcess.END_DEPLOYMENT_DECIDED;
import static io.disputeflow.process.ModelDeploymentApprovalProcess.SERVICE_APPLY_DEPLOYMENT_DECISION;
import static io.disputeflow.process.ModelDeploymentApprovalProcess.USER_APPROVE_MODEL_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.disputeflow.process.ModelDeploymentApprovalProcess;
import io.disputeflow.process.RecordingDelegates;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The second person's decision on a process owner's deployment, with the real four-eyes listener. */
@Deployment(resources = {"processes/model-deployment-approval.bpmn", "processes/forms/approve-model-deployment.form"})
class ModelDeploymentApprovalProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    // our record of the submission: p-1 is paul's
    Mocks.register("deploymentFourEyesListener", new DeploymentFourEyesListener(id -> id.equals("p-1") ? "paul" : null));
  }

  @AfterEach
  void signOut() {
    engine.getProcessEngine().getIdentityService().clearAuthentication();
  }

  @Test
  void shouldHaveASecondProcessOwnerOrTheHeadApproveAndThenDeploy() {
    // given paul's deployment awaiting approval
    ProcessInstance approval = submittedBy("paul");
    assertThat(approval).isWaitingAt(USER_APPROVE_MODEL_DEPLOYMENT);
    assertThat(task(approval)).hasCandidateGroup("process-owner").hasCandidateGroup("head-of-consumer-protection");

    // when helen approves
    engine.getProcessEngine().getIdentityService().setAuthentication("helen", java.util.List.of("head-of-consumer-protection"));
    taskService().complete(task(approval).getId(), Map.of("deploymentApproved", true));

    // then the decision is applied, naming helen
    assertThat(approval).isEnded().hasPassed(SERVICE_APPLY_DEPLOYMENT_DECISION, END_DEPLOYMENT_DECIDED)
        .variables().containsEntry("deploymentDecidedBy", "helen");
    assertThat(delegates.calls()).containsExactly(
        "applyDeploymentDecisionDelegate@" + SERVICE_APPLY_DEPLOYMENT_DECISION);
  }

  @Test
  void shouldRefuseTheSubmitterAsApproverAndKeepTheTask() {
    // given
    ProcessInstance approval = submittedBy("paul");

    // when paul claims or completes his own, then the engine refuses and the task stays
    assertThatThrownBy(() -> taskService().claim(task(approval).getId(), "paul")).hasMessageContaining("Four eyes: paul");
    engine.getProcessEngine().getIdentityService().setAuthentication("paul", java.util.List.of("process-owner"));
    assertThatThrownBy(() -> taskService().complete(task(approval).getId(), Map.of("deploymentApproved", true)))
        .hasMessageContaining("Four eyes: paul");
    assertThat(approval).isWaitingAt(USER_APPROVE_MODEL_DEPLOYMENT);
    assertThat(delegates.calls()).isEmpty();
  }

  @Test
  void shouldNotBeFooledByASubmitterWhoRenamesTheSubmitterVariable() {
    // given
    ProcessInstance approval = submittedBy("paul");
    engine.getProcessEngine().getIdentityService().setAuthentication("paul", java.util.List.of("process-owner"));

    // when paul completes with the variable changed, then he is still refused
    assertThatThrownBy(() -> taskService().complete(task(approval).getId(), Map.of("deploymentApproved", true,
        "submittedBy", "petra"))).hasMessageContaining("Four eyes: paul");
    assertThat(approval).isWaitingAt(USER_APPROVE_MODEL_DEPLOYMENT);
  }

  @Test
  void shouldAskForAReasonWhenRefusing() {
    // given
    ProcessInstance approval = submittedBy("paul");
    engine.getProcessEngine().getIdentityService().setAuthentication("petra", java.util.List.of("process-owner"));

    // when refused without a reason, then it is not completed
    assertThatThrownBy(() -> taskService().complete(task(approval).getId(), Map.of("deploymentApproved", false)))
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> taskService().complete(task(approval).getId(), Map.of()))
        .hasMessageContaining("Approve or refuse");
    assertThat(approval).isWaitingAt(USER_APPROVE_MODEL_DEPLOYMENT);

    // when refused with one, then the decision is applied (the delegate discards it)
    taskService().complete(task(approval).getId(), Map.of("deploymentApproved", false,
        "deploymentDecisionReason", "The new task has no form"));
    assertThat(approval).isEnded().variables().containsEntry("deploymentDecidedBy", "petra");
  }

  private ProcessInstance submittedBy(String user) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("pendingDeploymentId", "p-1");
    variables.put("deploymentName", "investigation changed");
    variables.put("submittedBy", user);
    variables.put("modelChanges", "- `investigation.bpmn`: process 'investigation' — replaces active version 1");
    return engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(ModelDeploymentApprovalProcess.KEY, "p-1", variables);
  }
}
