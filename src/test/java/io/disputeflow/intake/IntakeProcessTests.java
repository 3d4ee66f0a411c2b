package io.disputeflow.intake;

import static io.disputeflow.process.IntakeProcess.END_COMPLAINT_REGISTERED;
import static io.disputeflow.process.IntakeProcess.END_INQUIRY_ANSWERED;
import static io.disputeflow.process.IntakeProcess.SERVICE_SEND_ACKNOWLEDGEMENT;
import static io.disputeflow.process.IntakeProcess.SERVICE_SEND_INQUIRY_ANSWER;
import static io.disputeflow.process.IntakeProcess.USER_ANSWER_INQUIRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.IntakeProcess;
import io.disputeflow.process.RecordingDelegates;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/intake.bpmn")
class IntakeProcessTests {

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
  void shouldClassifySetDeadlinesAcknowledgeAndRegisterAComplaint() {
    // given / when
    ProcessInstance intake = start(false);

    // then
    assertThat(intake).isEnded().hasPassed(SERVICE_SEND_ACKNOWLEDGEMENT).hasPassed(END_COMPLAINT_REGISTERED);
    assertThat(delegates.calls()).containsExactly(
        "classifyComplaintDelegate@service_classify_complaint",
        "setDeadlinesDelegate@service_set_deadlines",
        "sendLetterDelegate@service_send_acknowledgement");
  }

  @Test
  void shouldKeepTheComplaintAndWaitForAFixedModelWhenTheDeadlineModelIsAtFault() {
    // given a deployed deadline policy the clock cannot use: the first attempt throws the model's BPMN error,
    // the retry fails as a job until the model is fixed
    java.util.concurrent.atomic.AtomicBoolean modelFixed = new java.util.concurrent.atomic.AtomicBoolean();
    delegates.register("setDeadlinesDelegate", execution -> {
      if (!modelFixed.get()) {
        if ("BPMN_ERROR".equals(execution.getVariableLocal("onModelFault"))) {
          throw new org.camunda.bpm.engine.delegate.BpmnError("DEADLINE_MODEL_FAULT", "deadline-policy: decideWithin P1DT4H");
        }
        throw new IllegalStateException("deadline-policy: decideWithin P1DT4H");
      }
    });

    // when
    ProcessInstance intake = start(false);

    // then intake has committed (the channel gets its 201) and waits in a job, the fault kept for Cockpit
    assertThat(intake).isWaitingAt(IntakeProcess.SERVICE_SET_DEADLINES_ONCE_MODEL_FIXED)
        .hasPassed(IntakeProcess.ERROR_DEADLINE_MODEL_FAULT).hasNotPassed(SERVICE_SEND_ACKNOWLEDGEMENT)
        .variables().containsEntry("deadlineModelFault", "deadline-policy: decideWithin P1DT4H");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(job())).hasMessageContaining("P1DT4H");
    assertThat(intake).isWaitingAt(IntakeProcess.SERVICE_SET_DEADLINES_ONCE_MODEL_FIXED);

    // when the model is fixed and the job retried
    modelFixed.set(true);
    execute(job());

    // then the deadlines are set and the customer acknowledged
    assertThat(intake).isEnded().hasPassed(SERVICE_SEND_ACKNOWLEDGEMENT, END_COMPLAINT_REGISTERED);
    assertThat(delegates.calls()).containsSubsequence("setDeadlinesDelegate@service_set_deadlines",
        "setDeadlinesDelegate@service_set_deadlines_once_model_fixed",
        "sendLetterDelegate@service_send_acknowledgement");
  }

  @Test
  void shouldKeepTheComplaintAndWaitForAFixedModelWhenTheClassificationModelIsAtFault() {
    // given a deployed classification intake cannot use: the first attempt throws the model's BPMN error,
    // the retry fails as a job until the model is fixed
    java.util.concurrent.atomic.AtomicBoolean modelFixed = new java.util.concurrent.atomic.AtomicBoolean();
    delegates.register("classifyComplaintDelegate", execution -> {
      if (!modelFixed.get()) {
        if ("BPMN_ERROR".equals(execution.getVariableLocal("onModelFault"))) {
          throw new org.camunda.bpm.engine.delegate.BpmnError("CLASSIFICATION_MODEL_FAULT",
              "complaint-classification has no rule");
        }
        throw new IllegalStateException("complaint-classification has no rule");
      }
    });

    // when
    ProcessInstance intake = start(false);

    // then intake has committed (the channel gets its 201) and waits in a job, the fault kept for Cockpit
    assertThat(intake).isWaitingAt(IntakeProcess.SERVICE_CLASSIFY_ONCE_MODEL_FIXED)
        .hasPassed(IntakeProcess.ERROR_CLASSIFICATION_MODEL_FAULT).hasNotPassed(SERVICE_SEND_ACKNOWLEDGEMENT)
        .variables().containsEntry("classificationModelFault", "complaint-classification has no rule");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(job())).hasMessageContaining("no rule");
    assertThat(intake).isWaitingAt(IntakeProcess.SERVICE_CLASSIFY_ONCE_MODEL_FIXED);

    // when the model is fixed and the job retried
    modelFixed.set(true);
    execute(job());
    execute(job());

    // then the complaint is classified, its deadlines set and the customer acknowledged
    assertThat(intake).isEnded().hasPassed(IntakeProcess.XOR_MODEL_FAULT_CAUGHT, SERVICE_SEND_ACKNOWLEDGEMENT,
        END_COMPLAINT_REGISTERED);
    assertThat(delegates.calls()).containsSubsequence("classifyComplaintDelegate@service_classify_complaint",
        "classifyComplaintDelegate@service_classify_once_model_fixed",
        "setDeadlinesDelegate@service_set_deadlines_once_model_fixed",
        "sendLetterDelegate@service_send_acknowledgement");
  }

  @Test
  void shouldAnswerAnInquiryAtFirstContact() {
    // given
    ProcessInstance intake = start(true);
    assertThat(intake).isWaitingAt(USER_ANSWER_INQUIRY);
    assertThat(task()).hasCandidateGroup("coordinator");

    // when
    complete(task(), withVariables("inquiryAnswer", "您的账单已更正。"));
    execute(job());

    // then the answer letter goes out in its own transaction: a failure there keeps the coordinator's answer
    assertThat(intake).isWaitingAt(SERVICE_SEND_INQUIRY_ANSWER);
    execute(job());
    assertThat(intake).isEnded().hasPassed(SERVICE_SEND_INQUIRY_ANSWER, END_INQUIRY_ANSWERED)
        .hasNotPassed(END_COMPLAINT_REGISTERED);
    assertThat(delegates.calls()).contains("sendLetterDelegate@service_send_inquiry_answer");
  }

  @Test
  void shouldEscalateAnInquiryUnansweredByItsRegimesDeadline() {
    // given
    ProcessInstance intake = start(true);
    assertThat(intake).isWaitingAt(USER_ANSWER_INQUIRY);

    // when the engine clock passes the decision deadline intake set (15 days here)
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(16));
    try {
      execute(job(IntakeProcess.TIMER_INQUIRY_OVERDUE));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    // then the breach is raised like a missed decision's, and the answer is still awaited
    assertThat(intake).hasPassed(IntakeProcess.SERVICE_RECORD_INQUIRY_BREACH).isWaitingAt(USER_ANSWER_INQUIRY);
    assertThat(delegates.calls()).contains("recordClockAlertDelegate@service_record_inquiry_breach");
  }

  private ProcessInstance start(boolean inquiryOnly) {
    RuntimeService runtime = engine.getProcessEngine().getRuntimeService();
    return runtime.startProcessInstanceByKey(IntakeProcess.KEY, "CMP-2026-000001",
        withVariables("complaintNumber", "CMP-2026-000001", "inquiryOnly", inquiryOnly, "decisionDueAt",
            RecordingDelegates.daysFromNow(15)));
  }
}
