package io.disputeflow.insight;

import static io.disputeflow.process.EarlyWarningProcess.END_EARLY_WARNING_CLEARED;
import static io.disputeflow.process.EarlyWarningProcess.SERVICE_CLEAR_EARLY_WARNING;
import static io.disputeflow.process.EarlyWarningProcess.USER_REVIEW_EARLY_WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.EarlyWarningProcess;
import io.disputeflow.process.RecordingDelegates;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/early-warning.bpmn")
class EarlyWarningProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    delegates.register("recordCompletedByListener", execution -> execution.setVariable("completedBy", "sam"));
    delegates.register("clearEarlyWarningDelegate", execution -> {});
  }

  @Test
  void shouldHaveASupervisorReviewTheSpikeThenClearIt() {
    // given a spike of failed transfers
    Date respondBy = Date.from(Instant.parse("2026-05-11T06:00:00Z"));
    ProcessInstance warning = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(
        EarlyWarningProcess.KEY, "EW-1", withVariables("warningId", 1L, "warningDimension", "CATEGORY",
            "warningValue", "TRANSACTION_FAILURE", "warningLabel", "Transaction failure / 交易失败",
            "observedCount", 50L, "expectedCount", "1.5", "respondBy", respondBy));

    // then a supervisor has an urgent task due by the response time
    assertThat(warning).isWaitingAt(USER_REVIEW_EARLY_WARNING);
    assertThat(task()).hasCandidateGroup("supervisor").hasDueDate(respondBy);
    assertThat(task().getPriority()).isEqualTo(90);

    // when the supervisor records the assessment, the alert is cleared
    complete(task(), withVariables("assessment", "INCIDENT", "actionsTaken", "Payment gateway restarted"));
    execute(job());
    assertThat(warning).hasPassed(SERVICE_CLEAR_EARLY_WARNING, END_EARLY_WARNING_CLEARED).isEnded();
    assertThat(delegates.calls()).containsExactly("recordCompletedByListener@user_review_early_warning",
        "clearEarlyWarningDelegate@service_clear_early_warning");
  }
}
