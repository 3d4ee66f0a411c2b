package io.disputeflow.reopening;

import static io.disputeflow.process.ReopeningProcess.END_REOPENING_DONE;
import static io.disputeflow.process.ReopeningProcess.SERVICE_REOPEN_COMPLAINT;
import static io.disputeflow.process.ReopeningProcess.USER_SEE_REOPENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.ReopeningProcess;
import io.disputeflow.support.StartForms;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/complaint-reopening.bpmn: a coordinator or supervisor reopens a closed case in Tasklist. */
@Deployment(resources = "processes/complaint-reopening.bpmn")
class ReopeningProcessTests {

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
  void shouldReopenInTheStartsTransactionAndShowTheNewDeadlineToWhoReopenedIt() {
    // given the case takes the reopening
    delegates.register("reopenComplaintDelegate",
        execution -> execution.setVariable("reopenedDueText", "2026-04-20 23:59 (Asia/Shanghai)"));

    // when sam, a supervisor, reopens it
    ProcessInstance reopening = startAs("sam");

    // then the case was reopened before the start returned, and sam sees the new deadline
    assertThat(reopening).hasPassed(SERVICE_REOPEN_COMPLAINT).isWaitingAt(USER_SEE_REOPENING)
        .variables().containsEntry("reopenedDueText", "2026-04-20 23:59 (Asia/Shanghai)").containsEntry("initiator", "sam");
    assertThat(task()).isAssignedTo("sam");

    // when he has read it
    complete(task());

    // then
    assertThat(reopening).isEnded().hasPassed(END_REOPENING_DONE);
    assertThat(delegates.calls()).containsExactly("reopenComplaintDelegate@service_reopen_complaint");
  }

  @Test
  void shouldLeaveNoInstanceWhenTheReopeningIsRefused() {
    // given the case refuses it (not closed)
    delegates.register("reopenComplaintDelegate", execution -> {
      throw new IllegalArgumentException("Complaint number / 投诉编号 (complaintNumber) cannot be reopened");
    });

    // when / then the start fails and leaves nothing
    assertThatThrownBy(() -> startAs("cora")).hasMessageContaining("(complaintNumber)");
    assertThat(StartForms.instancesEverStarted(engine.getProcessEngine(), ReopeningProcess.KEY)).isZero();
  }

  private ProcessInstance startAs(String user) {
    return StartForms.submitAs(engine.getProcessEngine(), user, ReopeningProcess.KEY,
        withVariables("complaintNumber", "CMP-2026-000007", "reopeningGround", "NEW_FACTS",
            "reopeningReason", "The merchant's statement shows a second charge"));
  }
}
