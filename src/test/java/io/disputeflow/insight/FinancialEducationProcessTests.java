package io.disputeflow.insight;

import static io.disputeflow.process.FinancialEducationProcess.END_EDUCATION_DONE;
import static io.disputeflow.process.FinancialEducationProcess.END_EDUCATION_FOLLOWED_UP;
import static io.disputeflow.process.FinancialEducationProcess.SERVICE_MEASURE_EDUCATION_EFFECT;
import static io.disputeflow.process.FinancialEducationProcess.SERVICE_OPEN_FOLLOW_UP_ACTION;
import static io.disputeflow.process.FinancialEducationProcess.SERVICE_RECORD_EDUCATION_ASSESSMENT;
import static io.disputeflow.process.FinancialEducationProcess.SERVICE_RECORD_EDUCATION_DELIVERY;
import static io.disputeflow.process.FinancialEducationProcess.SERVICE_RECORD_EDUCATION_PLAN;
import static io.disputeflow.process.FinancialEducationProcess.TIMER_EFFECT_DUE;
import static io.disputeflow.process.FinancialEducationProcess.USER_ASSESS_EDUCATION_EFFECT;
import static io.disputeflow.process.FinancialEducationProcess.USER_PLAN_EDUCATION_ACTION;
import static io.disputeflow.process.FinancialEducationProcess.USER_RECORD_EDUCATION_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.FinancialEducationProcess;
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

/** processes/financial-education.bpmn: plan, hold, wait ninety days (engine clock), measure, assess. */
@Deployment(resources = "processes/financial-education.bpmn")
class FinancialEducationProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      .build();

  private static final Instant OPENED_AT = Instant.parse("2027-02-01T02:00:00Z");
  /** The talk is held on 1 March (00:00 in Shanghai); its effect falls due 90 days after. */
  private static final Instant HELD_AT = Instant.parse("2027-02-28T16:00:00Z");

  private RecordingDelegates delegates;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    delegates.register("recordEducationPlanDelegate",
        execution -> execution.setVariable("deliveryDueAt", Date.from(HELD_AT.plus(7, ChronoUnit.DAYS))));
    delegates.register("recordEducationDeliveryDelegate",
        execution -> execution.setVariable("effectDueAt", Date.from(HELD_AT.plus(90, ChronoUnit.DAYS))));
    delegates.register("measureEducationEffectDelegate", execution -> {
      execution.setVariable("complaintsBeforeEducation", 6L);
      execution.setVariable("complaintsSinceEducation", 1L);
    });
    delegates.register("recordEducationAssessmentDelegate", execution -> {});
    delegates.register("openEducationActionDelegate", execution -> {});
    ClockUtil.setCurrentTime(Date.from(OPENED_AT));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldHaveTheDepartmentPlanAndHoldItThenMeasureItsEffectNinetyDaysLater() {
    // given an education action about wealth products
    ProcessInstance action = start();

    // when the wealth department plans a branch talk and records it once held
    assertThat(action).isWaitingAt(USER_PLAN_EDUCATION_ACTION);
    assertThat(task()).hasCandidateGroup("dept-wealth");
    complete(task(), withVariables("educationAudience", "Customers over 65 holding wealth products",
        "educationChannel", "BRANCH_TALK", "educationMaterials", "Leaflet on principal risk", "educationPlannedOn",
        "2027-03-01"));
    assertThat(action).hasPassed(SERVICE_RECORD_EDUCATION_PLAN).isWaitingAt(USER_RECORD_EDUCATION_DELIVERY);
    assertThat(task()).hasCandidateGroup("dept-wealth").hasDueDate(Date.from(HELD_AT.plus(7, ChronoUnit.DAYS)));
    ClockUtil.setCurrentTime(Date.from(HELD_AT.plus(1, ChronoUnit.DAYS)));
    complete(task(), withVariables("educationHeldOn", "2027-03-01", "educationReach", 120L));

    // then nothing happens until ninety days after the talk
    assertThat(action).hasPassed(SERVICE_RECORD_EDUCATION_DELIVERY).isWaitingAt(TIMER_EFFECT_DUE);
    assertThat(job().getDuedate()).isEqualTo(Date.from(HELD_AT.plus(90, ChronoUnit.DAYS)));
    ClockUtil.setCurrentTime(Date.from(HELD_AT.plus(90, ChronoUnit.DAYS).plusSeconds(1)));
    execute(job());

    // and the supervisor or head assesses it with the complaints before and since, and it is done
    assertThat(action).hasPassed(SERVICE_MEASURE_EDUCATION_EFFECT).isWaitingAt(USER_ASSESS_EDUCATION_EFFECT);
    assertThat(task()).hasCandidateGroup("supervisor").hasCandidateGroup("head-of-consumer-protection");
    assertThat(action).variables().containsEntry("complaintsSinceEducation", 1L);
    complete(task(), withVariables("educationEffective", true, "assessmentNotes", "Far fewer complaints",
        "anotherAction", false));
    assertThat(action).hasPassed(SERVICE_RECORD_EDUCATION_ASSESSMENT, END_EDUCATION_DONE).isEnded()
        .hasNotPassed(SERVICE_OPEN_FOLLOW_UP_ACTION);
    assertThat(delegates.calls()).containsExactly("recordEducationPlanDelegate@service_record_education_plan",
        "recordEducationDeliveryDelegate@service_record_education_delivery",
        "measureEducationEffectDelegate@service_measure_education_effect",
        "recordEducationAssessmentDelegate@service_record_education_assessment");
  }

  @Test
  void shouldOpenAFollowUpActionWhenTheAssessorAsksForOne() {
    // given an action whose effect was measured
    ProcessInstance action = start();
    complete(task(), withVariables("educationAudience", "App users", "educationChannel", "APP_NOTICE",
        "educationMaterials", "Notice text", "educationPlannedOn", "2027-03-01"));
    ClockUtil.setCurrentTime(Date.from(HELD_AT.plus(1, ChronoUnit.DAYS)));
    complete(task(), withVariables("educationHeldOn", "2027-03-01", "educationReach", 5000L));
    ClockUtil.setCurrentTime(Date.from(HELD_AT.plus(91, ChronoUnit.DAYS)));
    execute(job());

    // when the assessor finds it did not help and asks for another action
    complete(task(), withVariables("educationEffective", false, "assessmentNotes", "Few read the notice",
        "anotherAction", true));

    // then a follow-up action is opened and this one ends
    assertThat(action).hasPassed(SERVICE_OPEN_FOLLOW_UP_ACTION, END_EDUCATION_FOLLOWED_UP).isEnded();
    assertThat(delegates.calls()).endsWith("openEducationActionDelegate@service_open_follow_up_action");
  }

  private ProcessInstance start() {
    ProcessInstance instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(
        FinancialEducationProcess.KEY, "EA-1", withVariables("department", "dept-wealth", "departmentLabel",
            "Wealth management / 财富管理部", "rootCause", "CUSTOMER_MISUNDERSTANDING", "rootCauseLabel",
            "Customer misunderstanding / 客户误解", "educationProduct", "WEALTH_MANAGEMENT", "educationProductLabel",
            "Wealth management / 理财产品", "improvementKey", "PI-WEALTH-1", "verifyAfter", "P90D"));
    assertThat(instance).isStarted();
    return instance;
  }
}
