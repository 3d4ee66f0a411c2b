package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintHandlingProcess.CALL_DEPARTMENT_REVIEW;
import static io.disputeflow.process.ComplaintHandlingProcess.END_BREACH_HANDLED;
import static io.disputeflow.process.ComplaintHandlingProcess.END_CLOCK_STOPPED;
import static io.disputeflow.process.ComplaintHandlingProcess.END_DEADLINE_EXTENDED;
import static io.disputeflow.process.ComplaintHandlingProcess.END_EXTENSION_NOT_POSSIBLE;
import static io.disputeflow.process.ComplaintHandlingProcess.END_EXTENSION_REFUSED;
import static io.disputeflow.process.ComplaintHandlingProcess.END_LEGAL_OPINION_CHASED;
import static io.disputeflow.process.ComplaintHandlingProcess.END_REVIEW_CHASED;
import static io.disputeflow.process.ComplaintHandlingProcess.EVT_AWAIT_CLOCK;
import static io.disputeflow.process.ComplaintHandlingProcess.MESSAGE_CLOCK_RESUMED;
import static io.disputeflow.process.ComplaintHandlingProcess.SERVICE_PAUSE_CLOCK;
import static io.disputeflow.process.ComplaintHandlingProcess.SERVICE_RECORD_DECISION_BREACH;
import static io.disputeflow.process.ComplaintHandlingProcess.SERVICE_RESUME_CLOCK;
import static io.disputeflow.process.ComplaintHandlingProcess.SERVICE_WARN_DECISION_DUE;
import static io.disputeflow.process.ComplaintHandlingProcess.USER_APPROVE_EXTENSION;
import static io.disputeflow.process.ComplaintHandlingProcess.USER_CHASE_DEPARTMENT_REVIEW;
import static io.disputeflow.process.ComplaintHandlingProcess.USER_CHASE_LEGAL_OPINION;
import static io.disputeflow.process.ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_FEEDBACK;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_INVESTIGATION;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_LEGAL_CONSULTATION;
import static io.disputeflow.process.ComplaintHandlingProcess.CALL_RESOLUTION;
import static io.disputeflow.process.ComplaintHandlingProcess.END_COMPLAINT_CLOSED;
import static io.disputeflow.process.ComplaintHandlingProcess.END_INQUIRY_ANSWERED;
import static io.disputeflow.process.ComplaintHandlingProcess.SERVICE_CLOSE_COMPLAINT;
import static io.disputeflow.process.ComplaintHandlingProcess.SERVICE_CLOSE_INQUIRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.IntakeProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.LegalConsultationProcess;
import io.disputeflow.process.RecordingDelegates;
import io.disputeflow.process.ScriptedDecisionClock;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.process.ReverificationProcess;
import io.disputeflow.review.DepartmentReview;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The main process with every stage model it calls: a case travels the whole path in a bare engine. */
@Deployment(resources = {"processes/complaint-handling.bpmn", "processes/intake.bpmn",
    "processes/investigation.bpmn", "processes/department-review.bpmn", "processes/legal-consultation.bpmn",
    "processes/resolution.bpmn", "processes/reverification.bpmn", "processes/redress-payment.bpmn",
    "processes/feedback.bpmn",
    "processes/decisions/compensation-authority.dmn"})
class ComplaintHandlingProcessTests {

  private static final String NUMBER = "CMP-2026-000010";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(0.9)
      // the stage models have their own tests and coverage floors
      .excludeProcessDefinitionKeys(IntakeProcess.KEY, InvestigationProcess.KEY, DepartmentReviewProcess.KEY,
          LegalConsultationProcess.KEY, ResolutionProcess.KEY, ReverificationProcess.KEY,
          io.disputeflow.process.RedressPaymentProcess.KEY, FeedbackProcess.KEY)
      .build();

  private RecordingDelegates delegates;
  private ScriptedDecisionClock clock;

  @BeforeEach
  void registerDelegates() {
    delegates = RecordingDelegates.registerAll();
    Mocks.register("departmentReview", new DepartmentReview());
    clock = new ScriptedDecisionClock();
    Mocks.register("decisionClock", clock);
    // the clock's alert tasks consume the step that led to them
    delegates.register("recordClockAlertDelegate", execution -> clock.consume());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWarnThenHaveTheSupervisorHandleAMissedDecisionDeadline() {
    // given a complaint whose clock waits for its next alert
    ProcessInstance complaint = start(false, false);
    assertThat(complaint).isWaitingAt(EVT_AWAIT_CLOCK);
    Job alert = clockTimer();
    assertThat(alert.getDuedate()).isEqualTo(clock.getNextAlertAt());

    // when the warning time comes
    clock.then("WARN");
    fireClockTimer();

    // then the warning is raised and the clock waits again
    assertThat(complaint).hasPassed(SERVICE_WARN_DECISION_DUE).isWaitingAt(EVT_AWAIT_CLOCK);

    // when the deadline passes undecided
    clock.then("BREACH");
    fireClockTimer();

    // then the supervisor gets the overdue case; once handled, the clock stops
    assertThat(complaint).hasPassed(SERVICE_RECORD_DECISION_BREACH);
    clock.then("BREACH_HANDLED");
    assertThat(openTask(USER_HANDLE_OVERDUE_COMPLAINT).getDueDate()).isNotNull();
    completeTask(USER_HANDLE_OVERDUE_COMPLAINT, withVariables("overdueAction", "CHASED", "overdueNotes", "Chased"));
    assertThat(complaint).hasPassed(END_BREACH_HANDLED).isNotEnded();
  }

  @Test
  void shouldRecordAMissedAcknowledgementAndKeepTheClockRunning() {
    // given a Regulation Z complaint whose acknowledgement did not go out by its due date
    ProcessInstance complaint = start(false, false);

    // when the clock's timer fires at that date
    clock.then("ACKNOWLEDGEMENT_BREACH");
    fireClockTimer();

    // then the alert is recorded and the clock waits for its next alert
    assertThat(complaint).hasPassed(ComplaintHandlingProcess.SERVICE_RECORD_ACKNOWLEDGEMENT_BREACH)
        .isWaitingAt(EVT_AWAIT_CLOCK);
    assertThat(delegates.calls()).contains("recordClockAlertDelegate@service_record_acknowledgement_breach");
  }

  @Test
  void shouldRecordALateRegulationEResultReportAndStopTheClock() {
    // given a Regulation E complaint decided, whose result report (the decision letter) did not go out in time
    ProcessInstance complaint = start(false, false);

    // when the clock's timer fires at the report's due date
    clock.then("RESULT_REPORT_BREACH").then("STOPPED");
    fireClockTimer();

    // then the alert is recorded and the clock stops
    assertThat(complaint).hasPassed(ComplaintHandlingProcess.SERVICE_RECORD_RESULT_REPORT_BREACH, END_CLOCK_STOPPED)
        .isNotEnded();
    assertThat(delegates.calls()).contains("recordClockAlertDelegate@service_record_result_report_breach");
  }

  @Test
  void shouldStopTheClockWhenTheDecisionWasIssuedBeforeTheAlert() {
    // given
    ProcessInstance complaint = start(false, false);

    // when
    clock.then("STOPPED");
    fireClockTimer();

    // then
    assertThat(complaint).hasPassed(END_CLOCK_STOPPED).hasNotPassed(SERVICE_WARN_DECISION_DUE).isNotEnded();
  }

  @Test
  void shouldPauseTheClockAndRearmItOnResume() {
    // given
    ProcessInstance complaint = start(false, false);

    // when
    correlate(ComplaintHandlingProcess.MESSAGE_CLOCK_PAUSE, "clockPauseReason", "External appraisal of the card");

    // then no alert can fire while paused
    assertThat(complaint).hasPassed(SERVICE_PAUSE_CLOCK).isWaitingAt(MESSAGE_CLOCK_RESUMED);
    assertThat(engine.getProcessEngine().getManagementService().createJobQuery().timers()
        .processInstanceId(complaint.getId()).count()).isZero();

    // when
    correlate(ComplaintHandlingProcess.MESSAGE_CLOCK_RESUME, "clockPauseReason", null);

    // then
    assertThat(complaint).hasPassed(SERVICE_RESUME_CLOCK).isWaitingAt(EVT_AWAIT_CLOCK);
    assertThat(clockTimer()).isNotNull();
  }

  @Test
  void shouldHaveTheSupervisorApproveOrRefuseAnExtensionWhileOneIsLeft() {
    // given
    ProcessInstance complaint = start(false, false);

    // when a coordinator asks and the supervisor approves
    correlate(ComplaintHandlingProcess.MESSAGE_EXTENSION_REQUEST, "extensionReason", "Awaiting the merchant");
    assertThat(openTask(USER_APPROVE_EXTENSION)).hasCandidateGroup("supervisor");
    completeTask(USER_APPROVE_EXTENSION, withVariables("extensionApproved", true, "extensionComment", "Complex"));

    // then
    assertThat(complaint).hasPassed(END_DEADLINE_EXTENDED);

    // when the next request is refused
    correlate(ComplaintHandlingProcess.MESSAGE_EXTENSION_REQUEST, "extensionReason", "Still waiting");
    completeTask(USER_APPROVE_EXTENSION, withVariables("extensionApproved", false, "extensionComment", "Decide now"));

    // then
    assertThat(complaint).hasPassed(END_EXTENSION_REFUSED);

    // when no extension is left
    clock.setCanExtend(false);
    correlate(ComplaintHandlingProcess.MESSAGE_EXTENSION_REQUEST, "extensionReason", "Once more");

    // then no approval task is opened
    assertThat(complaint).hasPassed(END_EXTENSION_NOT_POSSIBLE);
    assertThat(engine.getProcessEngine().getTaskService().createTaskQuery()
        .taskDefinitionKey(USER_APPROVE_EXTENSION).count()).isZero();
  }

  @Test
  void shouldHaveTheSupervisorChaseLateDepartmentReviewsAndLegalOpinions() {
    // given a case in department review
    ProcessInstance complaint = start(false, true);
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "Charged twice");
    investigation.put("legalNeeded", true);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    completeTask(InvestigationProcess.USER_INVESTIGATE_COMPLAINT, investigation);

    // when the review deadline passes
    ClockUtil.setCurrentTime(RecordingDelegates.daysFromNow(6));
    executeJobs();

    // then the escalation reaches the main process and the supervisor chases the department
    completeTask(USER_CHASE_DEPARTMENT_REVIEW, withVariables("reviewChaseNotes", "Called the cards team"));
    assertThat(complaint).hasPassed(END_REVIEW_CHASED).isWaitingAt(CALL_DEPARTMENT_REVIEW);

    // when the review is done and the legal opinion is late too
    completeTask(DepartmentReviewProcess.USER_REVIEW_DEPARTMENT,
        withVariables("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));
    executeJobs();

    // then
    completeTask(USER_CHASE_LEGAL_OPINION, withVariables("legalChaseNotes", "Reminded counsel"));
    assertThat(complaint).hasPassed(END_LEGAL_OPINION_CHASED).isWaitingAt(CALL_LEGAL_CONSULTATION);
  }

  @Test
  void shouldEndEveryOpenTaskAndTheClockWhenTheCustomerWithdraws() {
    // given a case in investigation, with an extension awaiting approval and its clock waiting for the next alert
    ProcessInstance complaint = start(false, false);
    correlate(ComplaintHandlingProcess.MESSAGE_EXTENSION_REQUEST, "extensionReason", "Awaiting the merchant");
    assertThat(openTask(InvestigationProcess.USER_INVESTIGATE_COMPLAINT)).isNotNull();
    assertThat(openTask(USER_APPROVE_EXTENSION)).isNotNull();

    // when the customer withdraws
    correlate(ComplaintHandlingProcess.MESSAGE_COMPLAINT_WITHDRAWAL, "withdrawalReason", "Settled with the merchant");

    // then the withdrawal is recorded once, and nothing of the case is left open: no task, no stage, no clock
    assertThat(complaint).isEnded().hasPassed(ComplaintHandlingProcess.START_COMPLAINT_WITHDRAWN,
        ComplaintHandlingProcess.SERVICE_RECORD_WITHDRAWAL, ComplaintHandlingProcess.END_COMPLAINT_WITHDRAWN)
        .hasNotPassed(CALL_DEPARTMENT_REVIEW, SERVICE_CLOSE_COMPLAINT);
    assertThat(delegates.calls()).containsOnlyOnce("recordWithdrawalDelegate@service_record_withdrawal");
    var processEngine = engine.getProcessEngine();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER).count()).isZero();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMBER)
        .count()).as("the investigation it called").isZero();
    assertThat(processEngine.getManagementService().createJobQuery().count()).as("the clock's timer").isZero();
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(NUMBER)
        .finished().list()).extracting(task -> task.getTaskDefinitionKey() + ":" + task.getDeleteReason())
        .containsExactlyInAnyOrder(InvestigationProcess.USER_INVESTIGATE_COMPLAINT + ":deleted",
            USER_APPROVE_EXTENSION + ":deleted");
  }

  private Job clockTimer() {
    return engine.getProcessEngine().getManagementService().createJobQuery().timers()
        .activityId(ComplaintHandlingProcess.TIMER_NEXT_CLOCK_ALERT).singleResult();
  }

  private void fireClockTimer() {
    engine.getProcessEngine().getManagementService().executeJob(clockTimer().getId());
  }

  private Task openTask(String taskKey) {
    return engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER)
        .taskDefinitionKey(taskKey).singleResult();
  }

  @Test
  void shouldCloseAnInquiryAnsweredAtIntake() {
    // given
    ProcessInstance complaint = start(true, false);

    // when
    completeTask(IntakeProcess.USER_ANSWER_INQUIRY, withVariables("inquiryAnswer", "The fee is waived"));

    // then
    assertThat(complaint).isEnded().hasPassed(SERVICE_CLOSE_INQUIRY, END_INQUIRY_ANSWERED)
        .hasNotPassed(CALL_INVESTIGATION);
    assertThat(delegates.calls()).contains("closeComplaintDelegate@service_close_inquiry");
  }

  @Test
  void shouldTakeAComplaintThroughEveryStageWithLegalCounsel() {
    // given
    ProcessInstance complaint = start(false, true);

    // when
    workTheCaseToTheEnd(true);

    // then
    assertThat(complaint).isEnded().hasPassed(CALL_INVESTIGATION, CALL_DEPARTMENT_REVIEW, CALL_LEGAL_CONSULTATION,
        CALL_RESOLUTION, ComplaintHandlingProcess.CALL_REDRESS_PAYMENT, CALL_FEEDBACK, SERVICE_CLOSE_COMPLAINT,
        END_COMPLAINT_CLOSED);
    assertThat(delegates.calls()).containsSubsequence(
        "recordStageListener@call_intake", "recordStageListener@call_investigation",
        "recordStageListener@call_department_review", "recordStageListener@call_legal_consultation",
        "recordStageListener@call_resolution", "recordStageListener@call_redress_payment",
        "recordStageListener@call_feedback",
        "closeComplaintDelegate@service_close_complaint");
  }

  @Test
  void shouldWorkAReopenedCaseThroughIntakeAndEveryStageAgain() {
    // given a closed case reopened (reopening/Reopenings starts its next life by message)
    Map<String, Object> variables = new HashMap<>();
    variables.put("complaintNumber", NUMBER);
    variables.put("inquiryOnly", false);
    variables.put("legalNeeded", false);
    variables.put("contestWithin", "P30D");
    variables.put("surveyWithin", "P7D");
    variables.putAll(RecordingDelegates.deadlines());

    // when
    ProcessInstance reopened = engine.getProcessEngine().getRuntimeService().startProcessInstanceByMessage(
        ComplaintHandlingProcess.MESSAGE_COMPLAINT_REOPENED, NUMBER, variables);
    workTheCaseToTheEnd(false);

    // then it went through intake (new deadlines) and the whole handling, and closed again
    assertThat(reopened).isEnded().hasPassed(ComplaintHandlingProcess.START_COMPLAINT_REOPENED,
        ComplaintHandlingProcess.CALL_INTAKE, CALL_INVESTIGATION, CALL_RESOLUTION, END_COMPLAINT_CLOSED);
    assertThat(delegates.calls()).containsSubsequence("recordStageListener@call_intake",
        "recordStageListener@call_investigation", "closeComplaintDelegate@service_close_complaint");
  }

  @Test
  void shouldSkipLegalCounselWhenNotNeeded() {
    // given
    ProcessInstance complaint = start(false, false);

    // when
    workTheCaseToTheEnd(false);

    // then
    assertThat(complaint).isEnded().hasPassed(CALL_RESOLUTION, END_COMPLAINT_CLOSED)
        .hasNotPassed(CALL_LEGAL_CONSULTATION, ComplaintHandlingProcess.CALL_REDRESS_PAYMENT);
  }

  @Test
  void shouldSendTheEightWeekLetterOnTheLastDayWhenAUkComplaintHasNoFinalResponse() {
    // given a UK-FCA-DISP complaint whose eight weeks end in 56 days
    EightWeekLetterStandIn letter = new EightWeekLetterStandIn(true);
    Mocks.register("eightWeekLetter", letter);
    ProcessInstance complaint = start(false, false, "UK-FCA-DISP");
    Job timer = eightWeekTimer();
    assertThat(timer.getDuedate()).isEqualTo(letter.dueAt);

    // when the engine clock reaches the last day and the final response is still owed
    ClockUtil.setCurrentTime(letter.dueAt);
    assertThat(engine.getProcessEngine().getManagementService().createJobQuery().timers().executable()
        .activityId(ComplaintHandlingProcess.TIMER_EIGHT_WEEKS_ENDING).count()).isOne();
    engine.getProcessEngine().getManagementService().executeJob(timer.getId());

    // then the eight-week letter is sent, and the case goes on
    assertThat(complaint).hasPassed(ComplaintHandlingProcess.SERVICE_SEND_EIGHT_WEEK_LETTER,
        ComplaintHandlingProcess.END_EIGHT_WEEK_LETTER_SENT).isNotEnded();
    assertThat(delegates.calls()).contains("sendLetterDelegate@service_send_eight_week_letter");
  }

  @Test
  void shouldSendNoEightWeekLetterAfterAFinalResponseOrUnderAnotherRegime() {
    // given a UK complaint answered in time
    Mocks.register("eightWeekLetter", new EightWeekLetterStandIn(false));
    ProcessInstance uk = start(false, false, "UK-FCA-DISP");

    // when its eight weeks end
    engine.getProcessEngine().getManagementService().executeJob(eightWeekTimer().getId());

    // then no letter
    assertThat(uk).hasPassed(ComplaintHandlingProcess.END_FINAL_RESPONSE_IN_TIME)
        .hasNotPassed(ComplaintHandlingProcess.SERVICE_SEND_EIGHT_WEEK_LETTER);
    // and a complaint under another regime never waits for one
    ProcessInstance cn = start(false, false, "CN-CBIRC-2020");
    assertThat(cn).hasPassed(ComplaintHandlingProcess.END_NO_EIGHT_WEEK_LETTER);
  }

  @Test
  void shouldCloseASummaryResolutionWithoutReviewOrResolution() {
    // given a UK complaint under investigation
    Mocks.register("eightWeekLetter", new EightWeekLetterStandIn(false));
    ProcessInstance complaint = start(false, false, "UK-FCA-DISP");

    // when the coordinator records that the customer accepted the response by the third business day
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "Duplicate charge refunded; customer accepted");
    investigation.put("summaryResolution", true);
    investigation.put("decision", "UPHOLD");
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    completeTask(InvestigationProcess.USER_INVESTIGATE_COMPLAINT, investigation);

    // then the summary resolution goes out and the case moves to feedback, skipping review and resolution
    assertThat(complaint).hasPassed(ComplaintHandlingProcess.SERVICE_SEND_SUMMARY_RESOLUTION).isWaitingAt(CALL_FEEDBACK)
        .hasNotPassed(CALL_DEPARTMENT_REVIEW, CALL_RESOLUTION);
    correlate(FeedbackProcess.MESSAGE_SURVEY_RESPONSE, "surveyScore", 5L);
    completeTask(FeedbackProcess.USER_RECORD_ROOT_CAUSE, withVariables("rootCause", "PROCESS_ERROR",
        "rootCauseDepartment", "dept-cards", "systemicCause", false));
    assertThat(complaint).isEnded().hasPassed(END_COMPLAINT_CLOSED);
    assertThat(delegates.calls()).contains("sendSummaryResolutionDelegate@service_send_summary_resolution");
  }

  /** Stands in for deadline/EightWeekLetter: due in 56 days (engine clock), owed or not as the test says. */
  public static final class EightWeekLetterStandIn {
    final java.util.Date dueAt = RecordingDelegates.daysFromNow(56);
    private final boolean owed;

    EightWeekLetterStandIn(boolean owed) {
      this.owed = owed;
    }

    public java.util.Date dueAt(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return dueAt;
    }

    public boolean isOwed(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return owed;
    }
  }

  private Job eightWeekTimer() {
    return engine.getProcessEngine().getManagementService().createJobQuery().timers()
        .activityId(ComplaintHandlingProcess.TIMER_EIGHT_WEEKS_ENDING).singleResult();
  }

  private void workTheCaseToTheEnd(boolean legalNeeded) {
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "Charged twice for one purchase");
    investigation.put("legalNeeded", legalNeeded);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    completeTask(InvestigationProcess.USER_INVESTIGATE_COMPLAINT, investigation);
    completeTask(DepartmentReviewProcess.USER_REVIEW_DEPARTMENT,
        withVariables("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));
    if (legalNeeded) {
      completeTask(LegalConsultationProcess.USER_GIVE_LEGAL_OPINION,
          withVariables("legalOpinion", "No legal risk", "legalRisk", "LOW"));
    }
    // with legal counsel the decision grants compensation (paid before the survey), without none
    completeTask(ResolutionProcess.USER_PROPOSE_RESOLUTION, withVariables("decision", "UPHOLD",
        "compensationAmount", legalNeeded ? 300.0 : 0.0, "decisionGrounds", "Refund the duplicate charge"));
    correlate(ResolutionProcess.MESSAGE_CUSTOMER_RESPONSE, "customerAccepted", true);
    correlate(FeedbackProcess.MESSAGE_SURVEY_RESPONSE, "surveyScore", 5L);
    completeTask(FeedbackProcess.USER_RECORD_ROOT_CAUSE, withVariables("rootCause", "PROCESS_ERROR",
        "rootCauseDepartment", "dept-cards", "systemicCause", false));
  }

  private ProcessInstance start(boolean inquiryOnly, boolean legalNeeded) {
    return start(inquiryOnly, legalNeeded, null);
  }

  private ProcessInstance start(boolean inquiryOnly, boolean legalNeeded, String regime) {
    Map<String, Object> variables = new HashMap<>();
    if (regime != null) {
      variables.put("regime", regime);
    }
    variables.put("complaintNumber", NUMBER);
    variables.put("inquiryOnly", inquiryOnly);
    variables.put("legalNeeded", legalNeeded);
    variables.put("contestWithin", "P30D");
    variables.put("surveyWithin", "P7D");
    variables.putAll(RecordingDelegates.deadlines());
    return engine.getProcessEngine().getRuntimeService()
        .startProcessInstanceByKey(ComplaintHandlingProcess.KEY, NUMBER, variables);
  }

  private void completeTask(String taskKey, Map<String, Object> variables) {
    ProcessEngine processEngine = engine.getProcessEngine();
    Task task = processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(NUMBER)
        .taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    processEngine.getTaskService().setAssignee(task.getId(), "cora");
    processEngine.getTaskService().complete(task.getId(), variables);
    executeJobs();
  }

  private void correlate(String message, String variable, Object value) {
    engine.getProcessEngine().getRuntimeService().createMessageCorrelation(message)
        .processInstanceBusinessKey(NUMBER)
        .setVariable(variable, value)
        .correlate();
    executeJobs();
  }

  private void executeJobs() {
    var management = engine.getProcessEngine().getManagementService();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
