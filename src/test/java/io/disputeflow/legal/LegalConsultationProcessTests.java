package io.disputeflow.legal;

import static io.disputeflow.process.LegalConsultationProcess.END_LEGAL_OPINION_GIVEN;
import static io.disputeflow.process.LegalConsultationProcess.SERVICE_RECORD_LEGAL_OPINION;
import static io.disputeflow.process.LegalConsultationProcess.USER_GIVE_LEGAL_OPINION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.LegalConsultationProcess;
import io.disputeflow.process.RecordingDelegates;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/legal-consultation.bpmn")
class LegalConsultationProcessTests {

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
  void shouldRecordLegalCounselsOpinion() {
    // given
    ProcessInstance legal = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(LegalConsultationProcess.KEY, "CMP-2026-000004", RecordingDelegates.deadlines());
    assertThat(legal).isWaitingAt(USER_GIVE_LEGAL_OPINION);
    assertThat(task()).hasCandidateGroup("legal");

    // when
    complete(task(), withVariables("legalOpinion", "合同条款第7条不合理", "legalRisk", "HIGH"));
    execute(job());

    // then
    assertThat(legal).isEnded().hasPassed(SERVICE_RECORD_LEGAL_OPINION, END_LEGAL_OPINION_GIVEN);
    assertThat(delegates.calls()).containsExactly("recordLegalOpinionDelegate@service_record_legal_opinion");
  }

  @Test
  void shouldEscalateALateOpinionToTheSupervisorAndKeepWaitingForIt() {
    // given
    var deadlines = RecordingDelegates.deadlines();
    ProcessInstance legal = engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(LegalConsultationProcess.KEY, "CMP-2026-000004", deadlines);
    assertThat(legal).isWaitingAt(USER_GIVE_LEGAL_OPINION);
    assertThat(task().getDueDate()).isEqualTo(deadlines.get("legalDueAt"));

    // when the engine clock passes the opinion's deadline
    ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(6));
    execute(job());

    // then the escalation is thrown and counsel's task stays open
    assertThat(legal).hasPassed(LegalConsultationProcess.END_LEGAL_OPINION_ESCALATED)
        .isWaitingAt(USER_GIVE_LEGAL_OPINION);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }
}
