package io.disputeflow.resolution;

import static io.disputeflow.process.ReverificationProcess.END_REVERIFICATION_COMPLETED;
import static io.disputeflow.process.ReverificationProcess.SERVICE_ISSUE_REVERIFICATION_DECISION;
import static io.disputeflow.process.ReverificationProcess.USER_DECIDE_REVERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.ReverificationProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/reverification.bpmn")
class ReverificationProcessTests {

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
  void shouldHaveTheHeadDecideAndTellTheCustomer() {
    // given
    ProcessInstance reverification = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(ReverificationProcess.KEY, "CMP-2026-000006");
    assertThat(reverification).isWaitingAt(USER_DECIDE_REVERIFICATION);
    assertThat(task()).hasCandidateGroup("head-of-consumer-protection");

    // when
    complete(task(), withVariables("reverificationOutcome", "REVISED", "revisedCompensationAmount", 1500.0,
        "reverificationGrounds", "核查后发现部分费用应退还"));
    execute(job());
    assertThat(reverification).isWaitingAt(SERVICE_ISSUE_REVERIFICATION_DECISION);
    execute(job());

    // then
    assertThat(reverification).isEnded()
        .hasPassed(SERVICE_ISSUE_REVERIFICATION_DECISION, END_REVERIFICATION_COMPLETED);
    assertThat(delegates.calls())
        .containsExactly("startReverificationClockDelegate@service_start_reverification_clock",
            "issueReverificationDecisionDelegate@service_issue_reverification_decision");
  }

  @Test
  void shouldRecordABreachWhenTheHeadMissesTheReverificationDeadline() {
    // given
    ProcessInstance reverification = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(ReverificationProcess.KEY, "CMP-2026-000006");
    assertThat(reverification).hasPassed(ReverificationProcess.SERVICE_START_REVERIFICATION_CLOCK)
        .isWaitingAt(USER_DECIDE_REVERIFICATION);

    // when the engine clock passes the 30 days
    ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(31));
    execute(job());

    // then the breach is recorded and escalates to the supervisor, and the decision is still awaited
    assertThat(reverification).hasPassed(ReverificationProcess.SERVICE_RECORD_REVERIFICATION_BREACH)
        .isWaitingAt(USER_DECIDE_REVERIFICATION, ReverificationProcess.USER_HANDLE_OVERDUE_REVERIFICATION);
    assertThat(task(taskQuery().taskDefinitionKey(ReverificationProcess.USER_HANDLE_OVERDUE_REVERIFICATION), reverification))
        .hasCandidateGroup("supervisor");

    // when the supervisor has acted on it
    complete(task(taskQuery().taskDefinitionKey(ReverificationProcess.USER_HANDLE_OVERDUE_REVERIFICATION), reverification),
        withVariables("overdueAction", "CHASED"));
    execute(job());

    // then the escalation is done and the decision is still awaited
    assertThat(reverification).hasPassed(ReverificationProcess.END_REVERIFICATION_BREACH_RECORDED)
        .isWaitingAt(USER_DECIDE_REVERIFICATION);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }
}
