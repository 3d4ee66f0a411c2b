package io.disputeflow.resolution;

import static io.disputeflow.process.ResolutionProcess.CALL_REVERIFICATION;
import static io.disputeflow.process.ResolutionProcess.END_ACCEPTED_BY_SILENCE;
import static io.disputeflow.process.ResolutionProcess.END_DECISION_ACCEPTED;
import static io.disputeflow.process.ResolutionProcess.END_REVERIFICATION_DECIDED;
import static io.disputeflow.process.ResolutionProcess.EVENT_AWAIT_CUSTOMER_RESPONSE;
import static io.disputeflow.process.ResolutionProcess.MESSAGE_CUSTOMER_RESPONSE;
import static io.disputeflow.process.ResolutionProcess.MESSAGE_REVERIFICATION_REQUEST;
import static io.disputeflow.process.ResolutionProcess.SERVICE_ISSUE_DECISION_LETTER;
import static io.disputeflow.process.ResolutionProcess.USER_APPROVE_COMPENSATION;
import static io.disputeflow.process.ResolutionProcess.USER_PROPOSE_RESOLUTION;
import static io.disputeflow.process.ReverificationProcess.USER_DECIDE_REVERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.process.ReverificationProcess;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/resolution.bpmn", "processes/reverification.bpmn",
    "processes/decisions/compensation-authority.dmn"})
class ResolutionProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ReverificationProcess.KEY)
      .build();

  private static final Instant DECISION_TIME = Instant.parse("2026-03-02T02:00:00Z");

  @BeforeEach
  void registerDelegates() {
    RecordingDelegates.registerAll();
    // the four-eyes rules are the real ones: the engine itself must refuse
    Mocks.register("recordProposerListener", new RecordProposerListener());
    Mocks.register("fourEyesListener", new FourEyesListener());
    ClockUtil.setCurrentTime(Date.from(DECISION_TIME));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldIssueASmallCompensationWithoutApprovalAndEndWhenTheCustomerAccepts() {
    // given
    ProcessInstance resolution = start();

    // when
    propose("cora", 800.0);
    issueDecisionLetter(resolution);

    // then
    assertThat(resolution).hasPassed(SERVICE_ISSUE_DECISION_LETTER).hasNotPassed(USER_APPROVE_COMPENSATION)
        .isWaitingAt(EVENT_AWAIT_CUSTOMER_RESPONSE);

    // when
    correlate(MESSAGE_CUSTOMER_RESPONSE, "customerAccepted", true);

    // then
    assertThat(resolution).isEnded().hasPassed(END_DECISION_ACCEPTED);
  }

  @Test
  void shouldHaveASupervisorApproveAndNeverTheProposer() {
    // given
    ProcessInstance resolution = start();
    propose("cora", 5_000.0);
    assertThat(resolution).isWaitingAt(USER_APPROVE_COMPENSATION);
    assertThat(task()).hasCandidateGroup("supervisor");

    // when the proposer tries to take the approval, the engine refuses
    Task approval = task();
    assertThatThrownBy(() -> claim(approval, "cora")).hasMessageContaining("Four eyes");

    // when another person approves
    claim(approval, "sam");
    complete(approval, withVariables("compensationApproved", true));
    execute(job());
    issueDecisionLetter(resolution);

    // then
    assertThat(resolution).hasPassed(SERVICE_ISSUE_DECISION_LETTER).isWaitingAt(EVENT_AWAIT_CUSTOMER_RESPONSE);
  }

  @Test
  void shouldRefuseAnApprovalCompletedByTheProposerEvenWhenAssignedToSomeoneElse() {
    // given
    start();
    propose("cora", 5_000.0);
    Task approval = task();
    claim(approval, "sam");

    // when cora completes sam's task as herself
    var identity = engine.getProcessEngine().getIdentityService();
    identity.setAuthenticatedUserId("cora");
    try {
      assertThatThrownBy(() -> complete(approval, withVariables("compensationApproved", true)))
          .hasMessageContaining("Four eyes");
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void shouldSendALargeCompensationToTheHeadAndBackToTheProposerWhenRefused() {
    // given
    ProcessInstance resolution = start();
    propose("cora", 80_000.0);
    assertThat(task()).hasCandidateGroup("head-of-consumer-protection");

    // when
    claim(task(), "helen");
    complete(task(), withVariables("compensationApproved", false, "approvalComment", "Amount not justified"));
    execute(job());

    // then
    assertThat(resolution).isWaitingAt(USER_PROPOSE_RESOLUTION).hasNotPassed(SERVICE_ISSUE_DECISION_LETTER);
  }

  @Test
  void shouldCountSilenceAsAcceptanceWhenTheContestWindowCloses() {
    // given
    ProcessInstance resolution = start();
    propose("cora", 0.0);
    issueDecisionLetter(resolution);
    ManagementService management = engine.getProcessEngine().getManagementService();
    var timer = management.createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(DECISION_TIME.plus(30, ChronoUnit.DAYS)));

    // when the engine clock passes the 30-day window
    ClockUtil.setCurrentTime(Date.from(DECISION_TIME.plus(29, ChronoUnit.DAYS)));
    assertThat(management.createJobQuery().timers().executable().count()).isZero();
    ClockUtil.setCurrentTime(Date.from(DECISION_TIME.plus(30, ChronoUnit.DAYS).plusSeconds(1)));
    assertThat(management.createJobQuery().timers().executable().count()).isOne();
    execute(job());

    // then
    assertThat(resolution).isEnded().hasPassed(END_ACCEPTED_BY_SILENCE);
  }

  @Test
  void shouldWaitAgainWhenTheContestWindowHasNotPassedSinceTheCustomerReceivedTheDecision() {
    // given a decision whose letter has not reached the customer when the timer first fires
    ProcessInstance resolution = start();
    propose("cora", 0.0);
    issueDecisionLetter(resolution);
    DelayedReceipt window = new DelayedReceipt();
    Mocks.register("contestWindow", window);

    // when the timer fires
    ClockUtil.setCurrentTime(Date.from(DECISION_TIME.plus(30, ChronoUnit.DAYS).plusSeconds(1)));
    execute(job());

    // then the case waits for the customer again, with a new timer
    assertThat(resolution).isWaitingAt(EVENT_AWAIT_CUSTOMER_RESPONSE).hasNotPassed(END_ACCEPTED_BY_SILENCE);
    var management = engine.getProcessEngine().getManagementService();
    assertThat(management.createJobQuery().timers().singleResult().getDuedate())
        .isEqualTo(Date.from(DECISION_TIME.plus(31, ChronoUnit.DAYS).plusSeconds(1)));

    // when the window has passed since receipt and the timer fires again
    window.passed = true;
    ClockUtil.setCurrentTime(Date.from(DECISION_TIME.plus(31, ChronoUnit.DAYS).plusSeconds(2)));
    execute(job());

    // then silence counts as acceptance
    assertThat(resolution).isEnded().hasPassed(END_ACCEPTED_BY_SILENCE);
  }

  /** The contest window of a letter received a day late: not passed at the first check, a day more each time. */
  public static final class DelayedReceipt {
    boolean passed;

    public Date nextCheckAt(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return Date.from(ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS));
    }

    public boolean hasPassed(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return passed;
    }
  }

  @Test
  void shouldReverifyWhenTheCustomerContestsTheDecision() {
    // given
    ProcessInstance resolution = start();
    propose("cora", 200.0);
    issueDecisionLetter(resolution);

    // when
    correlate(MESSAGE_CUSTOMER_RESPONSE, "customerAccepted", false);

    // then
    assertThat(resolution).isWaitingAt(CALL_REVERIFICATION);
    ProcessInstance reverification = calledProcessInstance(resolution);
    assertThat(reverification).isWaitingAt(USER_DECIDE_REVERIFICATION);
    assertThat(task(reverification)).hasCandidateGroup("head-of-consumer-protection");

    // when
    complete(task(reverification), withVariables("reverificationOutcome", "ORIGINAL_UPHELD"));
    execute(job());
    execute(job());

    // then
    assertThat(resolution).isEnded().hasPassed(END_REVERIFICATION_DECIDED);
  }

  @Test
  void shouldReverifyWhenTheCustomerRequestsItWithinTheWindow() {
    // given
    ProcessInstance resolution = start();
    propose("cora", 200.0);
    issueDecisionLetter(resolution);

    // when
    correlate(MESSAGE_REVERIFICATION_REQUEST, "reverificationReason", "I disagree");

    // then
    assertThat(resolution).isWaitingAt(CALL_REVERIFICATION).hasNotPassed(END_ACCEPTED_BY_SILENCE);
  }

  private ProcessInstance start() {
    ProcessInstance instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(ResolutionProcess.KEY,
        "CMP-2026-000005", withVariables("complaintNumber", "CMP-2026-000005", "contestWithin", "P30D", "decisionDueAt",
            RecordingDelegates.daysFromNow(15), "decisionWarningAt", RecordingDelegates.daysFromNow(12)));
    // makes it the instance that task() and job() look at
    assertThat(instance).isStarted();
    return instance;
  }

  private void propose(String coordinator, double compensation) {
    Task proposal = task();
    assertThat(proposal).hasDefinitionKey(USER_PROPOSE_RESOLUTION).hasCandidateGroup("coordinator");
    claim(proposal, coordinator);
    complete(proposal, withVariables("decision", compensation > 0 ? "UPHOLD" : "REJECT",
        "compensationAmount", compensation, "decisionGrounds", "Card charged twice"));
    // the proposal is committed; the flow after it runs as a job (asyncAfter)
    execute(job());
  }

  /** The letter goes out in its own transaction (asyncBefore): a failure there keeps the decision. */
  private void issueDecisionLetter(ProcessInstance resolution) {
    assertThat(resolution).isWaitingAt(SERVICE_ISSUE_DECISION_LETTER);
    execute(job());
  }

  private void correlate(String message, String variable, Object value) {
    engine.getProcessEngine().getRuntimeService().createMessageCorrelation(message)
        .processInstanceBusinessKey("CMP-2026-000005")
        .setVariable(variable, value)
        .correlate();
  }
}
