package io.disputeflow.correspondence;

import static io.disputeflow.process.UndeliveredLetterProcess.END_LETTER_ACTION_TAKEN;
import static io.disputeflow.process.UndeliveredLetterProcess.SERVICE_CARRY_OUT_LETTER_ACTION;
import static io.disputeflow.process.UndeliveredLetterProcess.USER_RESOLVE_UNDELIVERED_LETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.UndeliveredLetterProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/undelivered-letter.bpmn")
class UndeliveredLetterProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    delegates.register("checkNewAddressListener", execution -> {});
    delegates.register("resolveUndeliveredLetterDelegate", execution -> {});
  }

  @Test
  void shouldHaveACoordinatorChooseWhatHappensToTheLetterThenCarryItOutInItsOwnJob() {
    // given a decision letter that failed all its attempts
    ProcessInstance letter = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(
        UndeliveredLetterProcess.KEY, "CMP-2026-000001", withVariables("complaintNumber", "CMP-2026-000001",
            "customerName", "王秀英", "letterId", 7L, "letterType", "DECISION", "letterRecipient", "wang@example.com",
            "letterError", "MailConnectException: Couldn't connect to host"));

    // then a coordinator has the task
    assertThat(letter).isWaitingAt(USER_RESOLVE_UNDELIVERED_LETTER);
    assertThat(task()).hasCandidateGroup("coordinator").hasFormKey(null);
    assertThat(task().getPriority()).isEqualTo(70);

    // when the coordinator chooses to retry, the choice is committed before the letter service acts on it
    complete(task(), withVariables("letterAction", "RETRY"));
    assertThat(letter).isWaitingAt(SERVICE_CARRY_OUT_LETTER_ACTION);
    assertThat(delegates.calls()).containsExactly("checkNewAddressListener@" + USER_RESOLVE_UNDELIVERED_LETTER);
    execute(job());

    assertThat(letter).hasPassed(SERVICE_CARRY_OUT_LETTER_ACTION, END_LETTER_ACTION_TAKEN).isEnded();
    assertThat(delegates.calls()).endsWith("resolveUndeliveredLetterDelegate@" + SERVICE_CARRY_OUT_LETTER_ACTION);
  }
}
