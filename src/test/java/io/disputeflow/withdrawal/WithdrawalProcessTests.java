package io.disputeflow.withdrawal;

import static io.disputeflow.process.WithdrawalProcess.END_WITHDRAWAL_DONE;
import static io.disputeflow.process.WithdrawalProcess.SERVICE_WITHDRAW_COMPLAINT;
import static io.disputeflow.process.WithdrawalProcess.USER_SEE_WITHDRAWAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.WithdrawalProcess;
import io.disputeflow.support.StartForms;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/complaint-withdrawal.bpmn: a coordinator records in Tasklist that the customer withdrew. */
@Deployment(resources = "processes/complaint-withdrawal.bpmn")
class WithdrawalProcessTests {

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
  void shouldWithdrawInTheStartsTransactionAndShowWhatItEndedToWhoRecordedIt() {
    // given the case takes the withdrawal
    delegates.register("withdrawComplaintDelegate",
        execution -> execution.setVariable("withdrawnStageText", "Investigation / 调查核实"));

    // when cora records it
    ProcessInstance withdrawal = startAs("cora");

    // then the case was withdrawn before the start returned, and cora sees what it ended
    assertThat(withdrawal).hasPassed(SERVICE_WITHDRAW_COMPLAINT).isWaitingAt(USER_SEE_WITHDRAWAL)
        .variables().containsEntry("withdrawnStageText", "Investigation / 调查核实").containsEntry("initiator", "cora");
    assertThat(task()).isAssignedTo("cora");

    // when she has read it
    complete(task());

    // then
    assertThat(withdrawal).isEnded().hasPassed(END_WITHDRAWAL_DONE);
    assertThat(delegates.calls()).containsExactly("withdrawComplaintDelegate@service_withdraw_complaint");
  }

  @Test
  void shouldLeaveNoInstanceWhenTheWithdrawalIsRefused() {
    // given the case refuses it (closed already)
    delegates.register("withdrawComplaintDelegate", execution -> {
      throw new IllegalArgumentException("Complaint number / 投诉编号 (complaintNumber) cannot be withdrawn");
    });

    // when / then the start fails and leaves nothing
    assertThatThrownBy(() -> startAs("cora")).hasMessageContaining("(complaintNumber)");
    assertThat(StartForms.instancesEverStarted(engine.getProcessEngine(), WithdrawalProcess.KEY)).isZero();
  }

  private ProcessInstance startAs(String user) {
    return StartForms.submitAs(engine.getProcessEngine(), user, WithdrawalProcess.KEY,
        withVariables("complaintNumber", "CMP-2026-000007", "withdrawalReason", "Settled with the merchant",
            "withdrawalConfirmed", true));
  }
}
