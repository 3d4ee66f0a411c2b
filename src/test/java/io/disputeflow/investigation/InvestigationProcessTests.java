package io.disputeflow.investigation;

import static io.disputeflow.process.InvestigationProcess.END_INVESTIGATION_COMPLETED;
import static io.disputeflow.process.InvestigationProcess.SERVICE_RECORD_INVESTIGATION;
import static io.disputeflow.process.InvestigationProcess.USER_INVESTIGATE_COMPLAINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.RecordingDelegates;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/investigation.bpmn")
class InvestigationProcessTests {

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
  void shouldRecordTheCoordinatorsFindings() {
    // given
    ProcessInstance investigation = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(InvestigationProcess.KEY, "CMP-2026-000002", RecordingDelegates.deadlines());
    assertThat(investigation).isWaitingAt(USER_INVESTIGATE_COMPLAINT);
    assertThat(task()).hasCandidateGroup("coordinator");

    // when
    complete(task(), withVariables("investigationFindings", "Duplicate charge confirmed", "legalNeeded", false));
    // the coordinator's work is committed before recording it: a failure there cannot undo the form
    assertThat(investigation).isWaitingAt(USER_INVESTIGATE_COMPLAINT);
    execute(job());

    // then
    assertThat(investigation).isEnded().hasPassed(SERVICE_RECORD_INVESTIGATION, END_INVESTIGATION_COMPLETED);
    // the summary resolution check (FCA DISP 1.5) sees every completion
    assertThat(delegates.calls()).containsExactly("summaryResolutionListener@user_investigate_complaint",
        "recordInvestigationDelegate@service_record_investigation");
  }
}
