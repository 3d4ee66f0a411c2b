package io.disputeflow.feedback;

import static io.disputeflow.process.FeedbackProcess.END_FEEDBACK_COMPLETED;
import static io.disputeflow.process.FeedbackProcess.EVENT_AWAIT_SURVEY;
import static io.disputeflow.process.FeedbackProcess.MESSAGE_SURVEY_RESPONSE;
import static io.disputeflow.process.FeedbackProcess.SERVICE_RECORD_ROOT_CAUSE;
import static io.disputeflow.process.FeedbackProcess.SERVICE_SEND_SURVEY_INVITATION;
import static io.disputeflow.process.FeedbackProcess.TIMER_SURVEY_WINDOW_CLOSED;
import static io.disputeflow.process.FeedbackProcess.USER_FOLLOW_UP_DISSATISFACTION;
import static io.disputeflow.process.FeedbackProcess.USER_RECORD_ROOT_CAUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.RecordingDelegates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/feedback.bpmn")
class FeedbackProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private static final Instant INVITED_AT = Instant.parse("2026-04-01T08:00:00Z");

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    ClockUtil.setCurrentTime(Date.from(INVITED_AT));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldGoStraightToTheRootCauseAfterAGoodScore() {
    // given
    ProcessInstance feedback = start();
    assertThat(feedback).hasPassed(SERVICE_SEND_SURVEY_INVITATION).isWaitingAt(EVENT_AWAIT_SURVEY);

    // when
    answerSurvey(4L);

    // then
    assertThat(feedback).isWaitingAt(USER_RECORD_ROOT_CAUSE).hasNotPassed(USER_FOLLOW_UP_DISSATISFACTION);
    recordRootCause(feedback);
  }

  @Test
  void shouldFollowUpALowScore() {
    // given
    ProcessInstance feedback = start();

    // when
    answerSurvey(2L);

    // then
    assertThat(feedback).isWaitingAt(USER_FOLLOW_UP_DISSATISFACTION);
    assertThat(task()).hasCandidateGroup("coordinator");
    complete(task(), withVariables("followUpNotes", "Called the customer, explained the refund"));
    execute(job());
    assertThat(feedback).isWaitingAt(USER_RECORD_ROOT_CAUSE);
    recordRootCause(feedback);
  }

  @Test
  void shouldGoOnWithoutASurveyWhenTheWindowCloses() {
    // given
    ProcessInstance feedback = start();
    var timers = engine.getProcessEngine().getManagementService().createJobQuery().timers();
    assertThat(timers.singleResult().getDuedate()).isEqualTo(Date.from(INVITED_AT.plus(7, ChronoUnit.DAYS)));

    // when the engine clock passes the survey window
    ClockUtil.setCurrentTime(Date.from(INVITED_AT.plus(7, ChronoUnit.DAYS).plusSeconds(1)));
    assertThat(timers.executable().count()).isOne();
    execute(job());

    // then
    assertThat(feedback).hasPassed(TIMER_SURVEY_WINDOW_CLOSED).isWaitingAt(USER_RECORD_ROOT_CAUSE);
    recordRootCause(feedback);
  }

  private ProcessInstance start() {
    ProcessInstance instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(FeedbackProcess.KEY,
        "CMP-2026-000007", withVariables("complaintNumber", "CMP-2026-000007", "surveyWithin", "P7D"));
    // makes it the instance that task() and job() look at
    assertThat(instance).isStarted().isWaitingAt(SERVICE_SEND_SURVEY_INVITATION);
    // the invitation goes out in its own transaction, after the step that started feedback has committed
    execute(job());
    return instance;
  }

  private void answerSurvey(long score) {
    engine.getProcessEngine().getRuntimeService().createMessageCorrelation(MESSAGE_SURVEY_RESPONSE)
        .processInstanceBusinessKey("CMP-2026-000007")
        .setVariable("surveyScore", score)
        .correlate();
  }

  private void recordRootCause(ProcessInstance feedback) {
    assertThat(task()).hasCandidateGroup("coordinator");
    complete(task(), withVariables("rootCause", "PROCESS_ERROR", "rootCauseDepartment", "dept-cards",
        "systemicCause", false));
    execute(job());
    assertThat(feedback).isEnded().hasPassed(SERVICE_RECORD_ROOT_CAUSE, END_FEEDBACK_COMPLETED);
    assertThat(delegates.calls()).contains("recordRootCauseDelegate@service_record_root_cause");
  }
}
