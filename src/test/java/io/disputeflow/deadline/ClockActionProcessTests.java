package io.disputeflow.deadline;

import static io.disputeflow.process.ClockActionProcess.END_CLOCK_ACTION_DONE;
import static io.disputeflow.process.ClockActionProcess.SERVICE_APPLY_CLOCK_ACTION;
import static io.disputeflow.process.ClockActionProcess.USER_SEE_CLOCK_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.ClockActionProcess;
import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.support.StartForms;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/decision-clock-action.bpmn")
class ClockActionProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
  }

  @Test
  void shouldActOnTheClockInTheStartsTransactionAndShowTheClockToWhoAsked() {
    // given the clock takes the pause
    delegates.register("applyClockActionDelegate", execution -> execution.setVariable("clockState", "PAUSED"));

    // when cora asks for it
    ProcessInstance registration = startAs("cora");

    // then the clock was paused before the start returned, and cora sees its state
    assertThat(registration).hasPassed(SERVICE_APPLY_CLOCK_ACTION).isWaitingAt(USER_SEE_CLOCK_STATE)
        .variables().containsEntry("clockState", "PAUSED").containsEntry("initiator", "cora");
    assertThat(task()).isAssignedTo("cora");

    // when she has read it
    complete(task());

    // then nothing of the action remains open here: the case carries it on
    assertThat(registration).isEnded().hasPassed(END_CLOCK_ACTION_DONE);
    assertThat(delegates.calls()).containsExactly("applyClockActionDelegate@service_apply_clock_action");
  }

  @Test
  void shouldLeaveNoInstanceWhenTheClockRefuses() {
    // given the clock refuses the action
    delegates.register("applyClockActionDelegate", execution -> {
      throw new IllegalArgumentException("Action / 操作 (clockAction) cannot be done now");
    });

    // when / then the start fails and leaves nothing
    assertThatThrownBy(() -> startAs("cora")).hasMessageContaining("(clockAction)");
    assertThat(StartForms.instancesEverStarted(engine.getProcessEngine(), ClockActionProcess.KEY)).isZero();
  }

  private ProcessInstance startAs(String user) {
    return StartForms.submitAs(engine.getProcessEngine(), user, ClockActionProcess.KEY,
        withVariables("complaintNumber", "CMP-2026-000007", "clockAction", "PAUSE", "clockActionReason", "鉴定"));
  }
}
