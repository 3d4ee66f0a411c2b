package io.disputeflow.insight;

import static io.disputeflow.process.PolicyImprovementProcess.END_IMPROVEMENT_DONE;
import static io.disputeflow.process.PolicyImprovementProcess.SERVICE_MEASURE_RECURRENCE;
import static io.disputeflow.process.PolicyImprovementProcess.SERVICE_RECORD_FIX;
import static io.disputeflow.process.PolicyImprovementProcess.SERVICE_RECORD_VERIFICATION;
import static io.disputeflow.process.PolicyImprovementProcess.TIMER_VERIFICATION_DUE;
import static io.disputeflow.process.PolicyImprovementProcess.USER_ANALYSE_ROOT_CAUSE;
import static io.disputeflow.process.PolicyImprovementProcess.USER_IMPLEMENT_FIX;
import static io.disputeflow.process.PolicyImprovementProcess.USER_VERIFY_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.PolicyImprovementProcess;
import io.disputeflow.process.RecordingDelegates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/policy-improvement.bpmn")
class PolicyImprovementProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private static final Instant STARTED_AT = Instant.parse("2026-05-11T02:00:00Z");

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    delegates.register("recordCompletedByListener", execution -> execution.setVariable("completedBy", "tester"));
    delegates.register("recordPolicyFixDelegate",
        execution -> execution.setVariable("fixedAt", Date.from(ClockUtil.getCurrentTime().toInstant())));
    delegates.register("measureRecurrenceDelegate", execution -> {
      execution.setVariable("recurrenceBeforeFix", 4L);
      execution.setVariable("recurrenceSinceFix", 0L);
    });
    delegates.register("recordFixVerificationDelegate", execution -> {});
    delegates.register("openEducationActionDelegate", execution -> {});
    ClockUtil.setCurrentTime(Date.from(STARTED_AT));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldHaveTheDepartmentAnalyseAndFixThenVerifyAfterThePeriod() {
    // given an improvement for the cards department
    ProcessInstance improvement = start();

    // when the department analyses and fixes
    assertThat(improvement).isWaitingAt(USER_ANALYSE_ROOT_CAUSE);
    assertThat(task()).hasCandidateGroup("dept-cards");
    completeAndContinue(withVariables("analysis", "Fee rule charged twice", "actionPlan", "Change the fee rule"));
    assertThat(improvement).isWaitingAt(USER_IMPLEMENT_FIX);
    assertThat(task()).hasCandidateGroup("dept-cards");
    completeAndContinue(withVariables("fixDescription", "Fee rule changed on 2026-05-20"));

    // then nothing happens until the verification period has passed
    assertThat(improvement).hasPassed(SERVICE_RECORD_FIX).isWaitingAt(TIMER_VERIFICATION_DUE);
    assertThat(job().getDuedate()).isEqualTo(Date.from(STARTED_AT.plus(90, ChronoUnit.DAYS)));
    ClockUtil.setCurrentTime(Date.from(STARTED_AT.plus(90, ChronoUnit.DAYS).plusSeconds(1)));
    execute(job());

    // and the supervisor or head verifies with the recurrence figures, and it is done
    assertThat(improvement).hasPassed(SERVICE_MEASURE_RECURRENCE).isWaitingAt(USER_VERIFY_FIX);
    assertThat(task()).hasCandidateGroup("supervisor").hasCandidateGroup("head-of-consumer-protection");
    assertThat(improvement).variables().containsEntry("recurrenceSinceFix", 0L);
    completeAndContinue(withVariables("fixEffective", true, "verificationNotes", "No recurrence in 90 days"));
    assertThat(improvement).hasPassed(SERVICE_RECORD_VERIFICATION, END_IMPROVEMENT_DONE).isEnded();
    assertThat(delegates.calls()).containsExactly(
        "recordCompletedByListener@user_implement_fix", "recordPolicyFixDelegate@service_record_fix",
        "measureRecurrenceDelegate@service_measure_recurrence", "recordCompletedByListener@user_verify_fix",
        "recordFixVerificationDelegate@service_record_verification");
  }

  @Test
  void shouldSendAFixThatDidNotWorkBackToTheDepartment() {
    // given a fix waiting for verification
    ProcessInstance improvement = start();
    completeAndContinue(withVariables("analysis", "Disclosure unclear", "actionPlan", "Rewrite the leaflet"));
    completeAndContinue(withVariables("fixDescription", "Leaflet rewritten"));
    ClockUtil.setCurrentTime(Date.from(STARTED_AT.plus(91, ChronoUnit.DAYS)));
    execute(job());

    // when the verifier finds it did not work
    completeAndContinue(withVariables("fixEffective", false, "verificationNotes", "Same complaints keep coming"));

    // then the department fixes again, and a second verification follows the same period later
    assertThat(improvement).isWaitingAt(USER_IMPLEMENT_FIX);
    assertThat(task()).hasCandidateGroup("dept-cards");
    completeAndContinue(withVariables("fixDescription", "Leaflet and call script rewritten"));
    assertThat(job().getDuedate()).isEqualTo(Date.from(STARTED_AT.plus(181, ChronoUnit.DAYS)));
    ClockUtil.setCurrentTime(Date.from(STARTED_AT.plus(182, ChronoUnit.DAYS)));
    execute(job());
    completeAndContinue(withVariables("fixEffective", true, "verificationNotes", "Fixed now"));
    assertThat(improvement).isEnded().hasPassed(END_IMPROVEMENT_DONE);
  }

  @Test
  void shouldOpenAFinancialEducationActionWhenTheAnalysisFindsCustomersMisunderstandTheProduct() {
    // given an improvement for a cause customers misunderstand
    ProcessInstance improvement = start();

    // when the department's analysis asks for customers to be educated
    completeAndContinue(withVariables("analysis", "Customers read the fund's yield as guaranteed", "actionPlan",
        "Rewrite the risk disclosure", "educationNeeded", true, "educationProduct", "WEALTH_MANAGEMENT"));

    // then an education action is opened, and the department goes on to fix the disclosure all the same
    assertThat(improvement).hasPassed(PolicyImprovementProcess.XOR_EDUCATION_NEEDED,
        PolicyImprovementProcess.SERVICE_OPEN_EDUCATION_ACTION).isWaitingAt(USER_IMPLEMENT_FIX);
    assertThat(delegates.calls()).containsExactly("openEducationActionDelegate@service_open_education_action");
  }

  @Test
  void shouldOpenNoEducationActionWhenTheAnalysisAsksForNone() {
    ProcessInstance improvement = start();
    completeAndContinue(withVariables("analysis", "Fee rule charged twice", "actionPlan", "Change the fee rule",
        "educationNeeded", false));
    assertThat(improvement).isWaitingAt(USER_IMPLEMENT_FIX)
        .hasNotPassed(PolicyImprovementProcess.SERVICE_OPEN_EDUCATION_ACTION);
  }

  private ProcessInstance start() {
    ProcessInstance instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(
        PolicyImprovementProcess.KEY, "PI-CARDS-1", withVariables("department", "dept-cards", "departmentLabel",
            "Cards / 信用卡部", "rootCause", "PROCESS_ERROR", "rootCauseLabel", "Process error / 流程差错",
            "triggerReason", "SYSTEMIC", "linkedComplaints", "- CMP-2026-000001", "linkedComplaintCount", 1L,
            "verifyAfter", "P90D"));
    assertThat(instance).isStarted();
    return instance;
  }

  /** Completes the open task and runs the step after it (the task commits on its own: asyncAfter). */
  private void completeAndContinue(Map<String, Object> variables) {
    complete(task(), variables);
    execute(job());
  }
}
