package io.disputeflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The regulatory clock through the whole application, time moved with the engine clock. Received on
 * Monday 28 Sep 2026 10:00 in Shanghai, a normal-priority complaint is due at the end of 13 Oct (15
 * days counted from the day after receipt), warned at the end of 10 Oct, and its department review is
 * due at the end of 10 Oct: five working days across the National Day holidays, counting the make-up Saturday.
 */
@ApiTest
// its cases live in September 2026 with timers long due by today's clock: CaseWorker runs jobs per case, so no
// other class runs them
@DatabaseTest
class ClockApiTests {

  private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-09-28T10:00:00+08:00");
  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-10-13T23:59:59.999+08:00");
  private static final OffsetDateTime WARNING = OffsetDateTime.parse("2026-10-10T23:59:59.999+08:00");
  private static final OffsetDateTime REVIEW_DUE = OffsetDateTime.parse("2026-10-10T23:59:59.999+08:00");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

  private static int references;

  @BeforeEach
  void receiveOnMondayMorning() {
    at(RECEIVED);
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldSetEveryDeadlineFromTheReceiptTime() throws Exception {
    // when
    String number = submit();

    // then
    view(number)
        .andExpect(jsonPath("$.deadlines.regime", is("CN-CBIRC-2020")))
        .andExpect(jsonPath("$.deadlines.clockState", is("ON_TRACK")))
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.originalDecisionDueAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.warningAt", is("2026-10-10T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.departmentReviewDueAt", is("2026-10-10T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.extensionsUsed", is(0)));
    Task investigation = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    assertThat(investigation.getDueDate()).isEqualTo(date(DUE));
    assertThat(investigation.getFollowUpDate()).isEqualTo(date(WARNING));
    assertThat(clockTimer(number).getDuedate()).isEqualTo(date(WARNING));
  }

  @Test
  void shouldWarnBeforeAndEscalateAtTheDeadlineWhenNothingIsDecided() throws Exception {
    // given
    String number = submit();

    // when the warning time passes
    runJobsAt(WARNING.plusSeconds(1), number);

    // then coordinator and supervisor are told and the task stands out in Tasklist
    assertThat(alerts(number)).containsExactly("DECISION_WARNING");
    assertThat(worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getPriority())
        .isEqualTo(ClockAlertRaiser.WARNING_PRIORITY);
    view(number).andExpect(jsonPath("$.deadlines.clockState", is("WARNING")));
    search("dueWithin=P3D").andExpect(jsonPath("$.content[*].complaintNumber", hasItem(number)));

    // when the deadline passes
    runJobsAt(DUE.plusSeconds(1), number);

    // then the supervisor gets the overdue case, once
    assertThat(alerts(number)).containsExactly("DECISION_WARNING", "DECISION_BREACH");
    assertThat(worker.openTask(number, ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT)).isNotNull();
    view(number)
        .andExpect(jsonPath("$.deadlines.clockState", is("OVERDUE")))
        .andExpect(jsonPath("$.deadlines.overdueSince", is("2026-10-14T00:00:00.999+08:00")));
    search("overdue=true").andExpect(jsonPath("$.content[*].complaintNumber", hasItem(number)));
    search("dueWithin=P3D").andExpect(jsonPath("$.content[*].complaintNumber", not(hasItem(number))));
    runJobsAt(DUE.plusDays(3), number);
    assertThat(alerts(number)).hasSize(2);
  }

  @Test
  void shouldExtendTwiceMovingEveryDependentTimerAndRefuseAThirdExtension() throws Exception {
    // given
    String number = submit();

    // when the supervisor approves the first extension
    requestExtension(number, "等待商户提供交易凭证").andExpect(status().isAccepted());
    requestExtension(number, "again").andExpect(status().isConflict());
    worker.complete(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION, "sam",
        Map.of("extensionApproved", true, "extensionComment", "Complex merchant dispute"));

    // then the deadline, its warning, the open task and the timer move 15 days
    view(number)
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-28T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.originalDecisionDueAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.extensionsUsed", is(1)))
        .andExpect(jsonPath("$.extensions[0].outcome", is("APPROVED")))
        .andExpect(jsonPath("$.extensions[0].requestedBy", is("cora")))
        .andExpect(jsonPath("$.extensions[0].decidedBy", is("sam")))
        .andExpect(jsonPath("$.extensions[0].reason", is("等待商户提供交易凭证")))
        .andExpect(jsonPath("$.extensions[0].newDueAt", is("2026-10-28T23:59:59.999+08:00")));
    assertThat(worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getDueDate())
        .isEqualTo(date(DUE.plusDays(15)));
    assertThat(clockTimer(number).getDuedate()).isEqualTo(date(WARNING.plusDays(15)));
    assertThat(letters(number)).contains("EXTENSION_NOTICE");

    // and no stale timer fires at the old warning or deadline
    runJobsAt(DUE.plusSeconds(1), number);
    assertThat(alerts(number)).isEmpty();

    // when the head approves the second extension (to 60 days)
    requestExtension(number, "Especially complex: external appraisal report pending").andExpect(status().isAccepted());
    assertThat(worker.openTask(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION))
        .satisfies(task -> assertThat(taskService.getIdentityLinksForTask(task.getId()))
            .anyMatch(link -> "head-of-consumer-protection".equals(link.getGroupId())));
    worker.complete(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION, "helen",
        Map.of("extensionApproved", true, "extensionComment", "Approved once more"));

    // then
    view(number)
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-11-27T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.extensionsUsed", is(2)));

    // and a third extension is impossible
    requestExtension(number, "One more").andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", is("Complaint " + number
            + " has had both extensions the regulation allows (to 30 and 60 days); a third is not possible")));
  }

  @Test
  void shouldRecordARefusedExtensionAndKeepTheDeadline() throws Exception {
    // given
    String number = submit();
    requestExtension(number, "Need more time").andExpect(status().isAccepted());

    // when
    worker.complete(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION, "sam",
        Map.of("extensionApproved", false, "extensionComment", "Facts are complete; decide now"));

    // then
    view(number)
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.extensionsUsed", is(0)))
        .andExpect(jsonPath("$.extensions[0].outcome", is("REFUSED")))
        .andExpect(jsonPath("$.extensions[0].comment", is("Facts are complete; decide now")));
  }

  @Test
  void shouldAddThePausedTimeToEveryDueDate() throws Exception {
    // given
    String number = submit();

    // when the clock is paused on Tuesday for an appraisal and resumed three days later
    at(RECEIVED.plusDays(1));
    clockAction(number, "pause", "{\"reason\": \"外部鉴定：签名笔迹鉴定\"}").andExpect(status().isAccepted());
    clockAction(number, "pause", "{\"reason\": \"twice\"}").andExpect(status().isConflict());
    view(number).andExpect(jsonPath("$.deadlines.clockState", is("PAUSED")));
    runJobsAt(DUE.plusDays(1), number);
    assertThat(alerts(number)).as("no alert while paused").isEmpty();
    at(RECEIVED.plusDays(4));
    clockAction(number, "resume", "").andExpect(status().isAccepted());
    clockAction(number, "resume", "").andExpect(status().isConflict());

    // then every due date moved by the 3 days paused; the review date lands on a working day
    view(number)
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-16T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.warningAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.departmentReviewDueAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.pausedFor", is("PT72H")))
        .andExpect(jsonPath("$.pauses[0].reason", is("外部鉴定：签名笔迹鉴定")))
        .andExpect(jsonPath("$.pauses[0].pausedFor", is("PT72H")));
    assertThat(worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getDueDate())
        .isEqualTo(date(DUE.plusDays(3)));
    assertThat(clockTimer(number).getDuedate()).isEqualTo(date(WARNING.plusDays(3)));
    assertThat(letters(number)).contains("PAUSE_NOTICE");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UK-FCA-DISP", "UK-FCA-DISP-PSD", "US-CFPB", "US-REG-E", "US-REG-Z"})
  void shouldRefuseToPauseTheClockUnderEveryRegimeButCbirc2020(String regime) throws Exception {
    // given a complaint received Monday 28 Sep 2026 under a regime that counts from receipt without pauses
    String number = submit(Submissions.creditCardComplaint("CLK-P-" + regime)
        .replaceFirst("\\{", "{\"regime\": \"" + regime + "\", "));
    String due = json.readTree(view(number).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
        .at("/deadlines/decisionDueAt").asText();

    // when the coordinator asks to pause it for an appraisal, the clock refuses and nothing moves
    at(RECEIVED.plusDays(1));
    clockAction(number, "pause", "{\"reason\": \"External appraisal\"}").andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("only CN-CBIRC-2020")));
    at(RECEIVED.plusDays(4));
    clockAction(number, "resume", "").andExpect(status().isConflict());
    view(number).andExpect(jsonPath("$.deadlines.decisionDueAt", is(due)))
        .andExpect(jsonPath("$.deadlines.clockState", is("ON_TRACK")));
    assertThat(letters(number)).doesNotContain("PAUSE_NOTICE");
    if (regime.equals("UK-FCA-DISP")) {
      // the eight-week letter still comes on the last day of the eight weeks from receipt (23 Nov 2026, London)
      assertThat(managementService.createJobQuery().timers().processInstanceId(mainInstance(number))
          .activityId(ComplaintHandlingProcess.TIMER_EIGHT_WEEKS_ENDING).singleResult().getDuedate())
          .isEqualTo(date(OffsetDateTime.parse("2026-11-23T00:00:00Z")));
    }
  }

  @Test
  void shouldRefuseAPaymentServicesHoldingReplyAfterTheFifteenthBusinessDay() throws Exception {
    // given two payment-services complaints received Monday 28 Sep 2026, final reply due at the end of 19 Oct (London)
    String late = submit(Submissions.creditCardComplaint("CLK-H1").replaceFirst("\\{", "{\"regime\": \"UK-FCA-DISP-PSD\", "));
    String unasked = submit(Submissions.creditCardComplaint("CLK-H2").replaceFirst("\\{", "{\"regime\": \"UK-FCA-DISP-PSD\", "));
    view(late).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-20T06:59:59.999+08:00")));

    // when the coordinator asks for the holding reply on 16 Oct but the supervisor approves only on 20 Oct
    at(OffsetDateTime.parse("2026-10-16T10:00:00+01:00"));
    requestExtension(late, "Card scheme chargeback evidence outstanding").andExpect(status().isAccepted());
    at(OffsetDateTime.parse("2026-10-20T09:00:00+01:00"));

    // then the approval is refused, naming the rule and the deadline; the task stays open to be refused
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> worker.complete(late,
            ComplaintHandlingProcess.USER_APPROVE_EXTENSION, "sam", Map.of("extensionApproved", true,
                "extensionComment", "Exceptional")))
        .hasRootCauseInstanceOf(io.disputeflow.refusal.TaskActionRefusedException.class)
        .hasMessageContaining("extensionApproved: the holding reply").hasMessageContaining("DISP 1.6.2AR")
        .hasMessageContaining("2026-10-19T23:59:59.999+01:00");
    assertThat(letters(late)).doesNotContain("EXTENSION_NOTICE");
    worker.complete(worker.openTask(late, ComplaintHandlingProcess.USER_APPROVE_EXTENSION), "sam",
        Map.of("extensionApproved", false, "extensionComment", "Too late for a holding reply"));
    view(late).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-20T06:59:59.999+08:00")))
        .andExpect(jsonPath("$.extensions[0].outcome", is("REFUSED")));
    // and a request after the 15 business days is refused at once
    requestExtension(unasked, "Late").andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("DISP 1.6.2AR")));
  }

  @Test
  void shouldHaveTheSupervisorChaseALateDepartmentReview() throws Exception {
    // given a complaint in department review
    String number = submit();
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "需信用卡部复核");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    assertThat(worker.openTask(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT).getDueDate())
        .isEqualTo(date(REVIEW_DUE));

    // when the review deadline passes
    runJobsAt(REVIEW_DUE.plusSeconds(1), number);

    // then
    assertThat(alerts(number)).contains("REVIEW_OVERDUE");
    assertThat(worker.openTask(number, ComplaintHandlingProcess.USER_CHASE_DEPARTMENT_REVIEW)).isNotNull();
  }

  @Test
  void shouldRaiseExactlyOneWarningAndOneBreachForEachOf30ComplaintsReceivedTogether() throws Exception {
    // given (the test runs their jobs one after another: what counts is that all come due at the same engine times)
    List<String> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      numbers.add(submit());
    }

    // when nobody acts until well after the deadline
    runJobsAt(WARNING.plusMinutes(1), numbers);
    runJobsAt(DUE.plusMinutes(1), numbers);
    runJobsAt(DUE.plusDays(2), numbers);

    // then
    for (String alert : List.of("DECISION_WARNING", "DECISION_BREACH")) {
      assertThat(jdbc.sql("SELECT complaint_number, COUNT(*) FROM clock_alert WHERE alert = :alert"
              + " GROUP BY complaint_number").param("alert", alert)
          .query((rs, row) -> rs.getString(1) + "=" + rs.getInt(2)).list())
          .as(alert).filteredOn(row -> numbers.contains(row.split("=")[0])).hasSize(numbers.size()).allMatch(row -> row.endsWith("=1"));
    }
    assertThat(taskService.createTaskQuery().taskDefinitionKey(ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT)
        .list().stream().filter(task -> numbers.contains(businessKey(task))).count()).isEqualTo(numbers.size());
  }

  @Test
  void shouldGiveComplaintsReceivedAfterANewPolicyDeploymentTheNewClockOnly() throws Exception {
    // given a complaint under the shipped policy
    String before = submit();

    // when a process owner deploys a policy with 10 days to decide
    String shipped = new String(getClass().getResourceAsStream("/processes/decisions/deadline-policy.dmn").readAllBytes(),
        StandardCharsets.UTF_8);
    String deployment = repositoryService.createDeployment().name("shorter clock")
        .addString("deadline-policy.dmn", shipped.replace("<text>\"P15D\"</text>", "<text>\"P10D\"</text>"))
        .deploy().getId();
    try {
      String after = submit();

      // then only the later complaint has the new clock
      view(after).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-08T23:59:59.999+08:00")));
      view(before).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldRunEachComplaintOnTheRegimeItNamesOrTheOneRegimeSelectionChooses() throws Exception {
    // when a US credit-card billing error and a UK payment complaint arrive in a bank configured for China
    String regZ = submit(Submissions.creditCardComplaint("CLK-Z").replaceFirst("\\{", "{\"regime\": \"US-REG-Z\", "));
    String psd = submit(Submissions.creditCardComplaint("CLK-P").replaceFirst("\\{", "{\"regime\": \"UK-FCA-DISP-PSD\", "));
    String chosen = submit();

    // then each runs on its own clock, in its own zone: 90 days; 15 business days (no UK holiday in October)
    view(regZ).andExpect(jsonPath("$.deadlines.regime", is("US-REG-Z")))
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-12-27T12:59:59.999+08:00")));
    view(psd).andExpect(jsonPath("$.deadlines.regime", is("UK-FCA-DISP-PSD")))
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-20T06:59:59.999+08:00")));
    // and without one, regime-selection chooses the bank's jurisdiction's regime
    view(chosen).andExpect(jsonPath("$.deadlines.regime", is("CN-CBIRC-2020")));
  }

  @Test
  void shouldRefuseAnUnknownRegimeAtIntake() throws Exception {
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(Submissions.creditCardComplaint("CLK-X").replaceFirst("\\{", "{\"regime\": \"EU-PSD2\", ")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("regime")));
  }

  @Test
  void shouldDeployASecondsScaleDemonstrationPolicyAndEscalateWithinAMinute() throws Exception {
    // given a process owner's one-row demonstration policy with today's outputs in seconds
    String deployment = repositoryService.createDeployment().name("demonstration clock")
        .addString("deadline-policy.dmn", demonstrationPolicy()).deploy().getId();
    try {
      String number = submit();
      view(number).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-09-28T10:00:40+08:00")));

      // when 31, then 41 seconds pass undecided
      runJobsAt(RECEIVED.plusSeconds(31), number);
      runJobsAt(RECEIVED.plusSeconds(41), number);

      // then it was warned and escalated
      assertThat(alerts(number)).containsExactly("DECISION_WARNING", "DECISION_BREACH");
      assertThat(worker.openTask(number, ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT)).isNotNull();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldRecordTheComplaintAndRaiseAnIncidentWhenTheDeployedPolicyCannotBeUsed() throws Exception {
    // given a policy deployed as a process owner would, then overwritten in the database with one whose
    // 15-day rows read P1DT4H (a model the deployment check refuses: as if deployed before it existed)
    String shipped = Files.readString(Path.of("processes/decisions/deadline-policy.dmn"));
    String deployment = repositoryService.createDeployment().name("policy deployed before the check")
        .addString("deadline-policy.dmn", shipped).deploy().getId();
    try {
      plant(deployment, "deadline-policy.dmn", shipped.replace("\"P15D\"", "\"P1DT4H\""));

      // when a channel submits a complaint
      String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
              .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint("CLK-FAULT")))
          // then it is recorded and answered 201, without deadlines it could not honestly give
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.deadlines.decisionDueAt").doesNotExist())
          .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      String number = json.readTree(body).get("complaintNumber").asText();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE complaint_number = ?").param(number)
          .query(Integer.class).single()).isEqualTo(1);
      assertThat(letters(number)).as("no acknowledgement without a deadline to name").isEmpty();

      // and the step that sets the deadlines fails as a job until its retries are spent: an incident in Cockpit
      String intake = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
          .processDefinitionKey("intake").singleResult().getId();
      var job = managementService.createJobQuery().processInstanceId(intake)
          .activityId("service_set_deadlines_once_model_fixed").singleResult();
      assertThat(job).isNotNull();
      assertThat(runtimeService.getVariable(intake, "deadlineModelFault").toString()).contains("decideWithin P1DT4H");
      for (int attempt = 0; attempt < 10 && managementService.createJobQuery().jobId(job.getId()).singleResult()
          .getRetries() > 0; attempt++) {
        String id = job.getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(id))
            .hasMessageContaining("deadline-policy row for regime CN-CBIRC-2020").hasMessageContaining("P1DT4H");
      }
      var incident = runtimeService.createIncidentQuery().processInstanceId(intake).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getActivityId()).isEqualTo("service_set_deadlines_once_model_fixed");
      assertThat(incident.getIncidentMessage()).contains("decideWithin P1DT4H");

      // when the process owner removes the broken policy and an operator presses Retry in Cockpit
      repositoryService.deleteDeployment(deployment, true);
      deployment = null;
      managementService.setJobRetries(job.getId(), 1);
      managementService.executeJob(job.getId());

      // then the clock runs from the receipt, the customer is acknowledged and the incident is resolved
      view(number).andExpect(jsonPath("$.deadlines.regime", is("CN-CBIRC-2020")))
          .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")));
      assertThat(letters(number)).containsExactly("ACKNOWLEDGEMENT");
      assertThat(runtimeService.createIncidentQuery().processInstanceId(intake).count()).isZero();
      assertThat(worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT)).isNotNull();
    } finally {
      if (deployment != null) {
        repositoryService.deleteDeployment(deployment, true);
      }
    }
  }

  @Test
  void shouldRecordTheComplaintAndRaiseAnIncidentWhenTheDeployedClassificationCannotBeUsed() throws Exception {
    // given a classification deployed as a process owner would, then overwritten in the database with one whose
    // category output is misnamed (intake cannot store a category), as if deployed before the check existed
    String shipped = Files.readString(Path.of("processes/decisions/complaint-classification.dmn"));
    String broken = shipped.replaceFirst("name=\"category\"", "name=\"kategorie\"");
    // the check refuses that model at deployment, naming the decision
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> repositoryService.createDeployment()
            .addString("complaint-classification.dmn", broken).deploy())
        .hasMessageContaining("complaint-classification gives no category and departments");
    String deployment = repositoryService.createDeployment().name("classification deployed before the check")
        .addString("complaint-classification.dmn", shipped).deploy().getId();
    try {
      plant(deployment, "complaint-classification.dmn", broken);

      // when a channel submits a complaint, it is recorded and answered 201 (no 500)
      String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
              .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint("CLK-CFAULT")))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.deadlines.decisionDueAt").doesNotExist())
          .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      String number = json.readTree(body).get("complaintNumber").asText();
      assertThat(letters(number)).isEmpty();

      // and classifying fails as a job until its retries are spent: an incident in Cockpit on the case
      String intake = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
          .processDefinitionKey("intake").singleResult().getId();
      var job = managementService.createJobQuery().processInstanceId(intake)
          .activityId("service_classify_once_model_fixed").singleResult();
      assertThat(runtimeService.getVariable(intake, "classificationModelFault").toString())
          .contains("complaint-classification gives no usable category");
      for (int attempt = 0; attempt < 10 && managementService.createJobQuery().jobId(job.getId()).singleResult()
          .getRetries() > 0; attempt++) {
        String id = job.getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(id))
            .hasMessageContaining("complaint-classification gives no usable category");
      }
      var incident = runtimeService.createIncidentQuery().processInstanceId(intake).singleResult();
      assertThat(incident.getActivityId()).isEqualTo("service_classify_once_model_fixed");

      // when the broken model is removed and an operator presses Retry
      repositoryService.deleteDeployment(deployment, true);
      deployment = null;
      managementService.setJobRetries(job.getId(), 1);
      managementService.executeJob(job.getId());
      worker.runJobs(number);

      // then the complaint is classified, its clock runs from the receipt and the customer is acknowledged
      view(number).andExpect(jsonPath("$.category", is("BILLING_DISPUTE")))
          .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")));
      assertThat(letters(number)).containsExactly("ACKNOWLEDGEMENT");
      assertThat(runtimeService.createIncidentQuery().processInstanceId(intake).count()).isZero();
    } finally {
      if (deployment != null) {
        repositoryService.deleteDeployment(deployment, true);
      }
    }
  }

  @Test
  void shouldShowTheRegulationZAcknowledgementDueDateAndAlertWhenNoAcknowledgementWentOut() throws Exception {
    // given two billing-error notices received Wednesday 25 Nov 2026 in New York: one customer with e-mail
    // (the acknowledgement waits for the mail server), one without (the acknowledgement is posted at once)
    at(OffsetDateTime.parse("2026-11-25T09:00:00-05:00"));
    String waiting = submit(Submissions.creditCardComplaint("CLK-Z1").replaceFirst("\\{", "{\"regime\": \"US-REG-Z\", "));
    String posted = submit(Submissions.creditCardComplaint("CLK-Z2").replaceFirst("\\{", "{\"regime\": \"US-REG-Z\", ")
        .replace("\"email\": \"wang.xiuying@example.cn\", ", ""));

    // then the acknowledgement is due at the end of the 30th day, Christmas Day in New York (not moved),
    // and the record says honestly whether and when one went out
    view(waiting).andExpect(jsonPath("$.deadlines.acknowledgementDueAt", is("2026-12-26T12:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.acknowledgedAt").doesNotExist());
    view(posted).andExpect(jsonPath("$.deadlines.acknowledgementDueAt", is("2026-12-26T12:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.acknowledgedAt", is("2026-11-25T22:00:00+08:00")));
    assertThat(clockTimer(waiting).getDuedate()).isEqualTo(date(OffsetDateTime.parse("2026-12-25T23:59:59.999-05:00")));

    // when the 30 days pass
    runJobsAt(OffsetDateTime.parse("2026-12-26T00:00:01-05:00"), waiting, posted);

    // then only the case without an acknowledgement is alerted to coordinator and supervisor, once
    assertThat(alerts(waiting)).containsExactly("ACKNOWLEDGEMENT_BREACH");
    assertThat(alerts(posted)).isEmpty();
    assertThat(worker.openTask(waiting, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getPriority())
        .isEqualTo(ClockAlertRaiser.WARNING_PRIORITY);
    runJobsAt(OffsetDateTime.parse("2026-12-28T09:00:00-05:00"), waiting, posted);
    assertThat(alerts(waiting)).containsExactly("ACKNOWLEDGEMENT_BREACH");
    // and the decision clock still runs: 90 days, warned 14 days ahead
    assertThat(clockTimer(waiting).getDuedate()).isEqualTo(date(OffsetDateTime.parse("2027-02-09T23:59:59.999-05:00")));
  }

  @Test
  void shouldResolveABillingErrorWithinTwoCompleteBillingCyclesOrNinetyDaysWithoutCycleData() throws Exception {
    // given billing-error notices received Saturday 3 Oct 2026 in New York, one for an account whose statement
    // closes on the 15th, one without cycle data
    at(OffsetDateTime.parse("2026-10-03T10:00:00-04:00"));
    String regZ = Submissions.creditCardComplaint("CLK-Z3").replaceFirst("\\{", "{\"regime\": \"US-REG-Z\", ");
    String withCycle = submit(regZ.replaceFirst("\\{", "{\"billingCycle\": {\"closingDay\": 15}, "));
    String withoutCycle = submit(regZ.replace("CLK-Z3", "CLK-Z4"));

    // then the first is due at the end of the second complete cycle (16 Nov-15 Dec), before the 90th day;
    // the other at the end of the 90th day, 1 Jan 2027, and the record says why
    view(withCycle).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-12-16T12:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.resolutionLimit", is("TWO_BILLING_CYCLES")))
        .andExpect(jsonPath("$.deadlines.billingCycleClosingDay", is(15)))
        .andExpect(jsonPath("$.deadlines.warningAt", is("2026-12-02T12:59:59.999+08:00")));
    view(withoutCycle).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2027-01-02T12:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.resolutionLimit", is("NINETY_DAYS_WITHOUT_CYCLE")));

    // and the clock warns 14 days ahead and escalates at the two-cycle end (no acknowledgement went out by
    // 2 Nov: the e-mails wait for the mail server)
    runJobsAt(OffsetDateTime.parse("2026-12-02T00:00:01-05:00"), withCycle, withoutCycle);
    assertThat(alerts(withCycle)).containsExactly("ACKNOWLEDGEMENT_BREACH", "DECISION_WARNING");
    runJobsAt(OffsetDateTime.parse("2026-12-16T00:00:01-05:00"), withCycle, withoutCycle);
    assertThat(alerts(withCycle)).containsExactly("ACKNOWLEDGEMENT_BREACH", "DECISION_WARNING", "DECISION_BREACH");
    assertThat(alerts(withoutCycle)).containsExactly("ACKNOWLEDGEMENT_BREACH");

    // and a cycle that is not a day of the month, or one given for another regime, is refused, naming the field
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(regZ.replace("CLK-Z3", "CLK-Z5").replaceFirst("\\{", "{\"billingCycle\": {\"closingDay\": 32}, ")))
        .andExpect(status().isBadRequest())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("billingCycle.closingDay")));
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(regZ.replace("CLK-Z3", "CLK-Z6").replace("US-REG-Z", "UK-FCA-DISP")
                .replaceFirst("\\{", "{\"billingCycle\": {\"closingDay\": 15}, ")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("billingCycle")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE external_reference IN ('CLK-Z5', 'CLK-Z6')")
        .query(Integer.class).single()).isZero();
  }

  @Test
  void shouldChooseTheRegulationERowFromTheTransferFactsIntakeWasGiven() throws Exception {
    // given a notice of error received Monday 23 Nov 2026 in New York about a new account's transfer
    at(OffsetDateTime.parse("2026-11-23T14:00:00-05:00"));
    String newAccount = submit(regulationE("CLK-E1", "{\"newAccount\": true}"));
    String pointOfSale = submit(regulationE("CLK-E2", "{\"pointOfSale\": true, \"foreignInitiated\": false}"));

    // then 20 business days (Thanksgiving skipped) for the new account, 10 for the point-of-sale transaction
    view(newAccount).andExpect(jsonPath("$.deadlines.regime", is("US-REG-E")))
        .andExpect(jsonPath("$.deadlines.transferFacts[0]", is("NEW_ACCOUNT")))
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-12-23T12:59:59.999+08:00")));
    view(pointOfSale).andExpect(jsonPath("$.deadlines.transferFacts[0]", is("POINT_OF_SALE")))
        .andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-12-09T12:59:59.999+08:00")));

    // and the longer period needs provisional credit: a plain extension request is refused
    requestExtension(pointOfSale, "Merchant slow to answer").andExpect(status().isConflict());
    // a credit after the first period (20 business days for the new account) does not qualify
    at(OffsetDateTime.parse("2026-12-23T10:00:00-05:00"));
    provisionalCredit(newAccount, "2026-12-23T09:00:00-05:00").andExpect(status().isConflict());
    // a credit on Monday 30 Nov is recorded and asks for the extension, approved by the supervisor
    at(OffsetDateTime.parse("2026-11-30T15:00:00-05:00"));
    provisionalCredit(pointOfSale, "2026-11-30T14:00:00-05:00").andExpect(status().isAccepted());
    provisionalCredit(pointOfSale, "2026-11-30T14:00:00-05:00").andExpect(status().isConflict());
    worker.complete(pointOfSale, ComplaintHandlingProcess.USER_APPROVE_EXTENSION, "sam",
        Map.of("extensionApproved", true, "extensionComment", "Provisional credit given within 10 business days"));

    // then it may finish within 90 days of the notice: the end of 21 Feb 2027 in New York
    view(pointOfSale).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2027-02-22T12:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.provisionalCredit.amount", is(1280.0)))
        .andExpect(jsonPath("$.deadlines.provisionalCredit.creditedAt", is("2026-12-01T03:00:00+08:00")))
        .andExpect(jsonPath("$.deadlines.provisionalCredit.recordedBy", is("cora")))
        .andExpect(jsonPath("$.extensions[0].reason", is("Provisional credit of 1280.00 USD given on"
            + " 2026-12-01T03:00+08:00 (12 CFR 1005.11(c)(2)(i))")));
  }

  @Test
  void shouldRefuseProvisionalCreditOutsideRegulationEOrWithBadValues() throws Exception {
    String cn = submit();
    provisionalCredit(cn, "2026-09-28T09:30:00+08:00").andExpect(status().isConflict());
    mvc.perform(post("/api/complaints/" + cn + "/clock/provisional-credit").with(httpBasic("cora", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\": -5, \"currency\": \"usd\", \"creditedAt\": \"2026-09-28T12:00:00+08:00\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("amount", "currency")));
    mvc.perform(post("/api/complaints/" + cn + "/clock/provisional-credit").with(httpBasic("cora", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\": 5, \"currency\": \"USD\", \"creditedAt\": \"2026-10-01T00:00:00+08:00\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("creditedAt")));
  }

  private ResultActions provisionalCredit(String number, String creditedAt) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/clock/provisional-credit").with(httpBasic("cora", "demo"))
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"amount\": 1280.00, \"currency\": \"USD\", \"creditedAt\": \"" + creditedAt + "\"}"));
  }

  @Test
  void shouldRefuseTransferFactsThatAreNotBooleansOrNotUnderRegulationE() throws Exception {
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(regulationE("CLK-E3", "{\"newAccount\": \"perhaps\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("electronicFundTransfer.newAccount")));
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(regulationE("CLK-E4", "{\"pointOfSale\": true}").replace("US-REG-E", "UK-FCA-DISP")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("electronicFundTransfer")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE external_reference IN ('CLK-E3', 'CLK-E4')")
        .query(Integer.class).single()).isZero();
  }

  @Test
  void shouldRestartThePeriodOfTheOpenCaseForARepeatWithNewFactsOnly() throws Exception {
    // given two complaints received Monday 28 Sep 2026, due at the end of 13 Oct
    String withNewFacts = submit();
    String withoutNewFacts = submit();

    // when on Friday 9 Oct the customers complain again, one with new facts
    at(OffsetDateTime.parse("2026-10-09T10:00:00+08:00"));
    repeat(withNewFacts, "CLK-R1", true).andExpect(status().isOk());
    repeat(withoutNewFacts, "CLK-R2", false).andExpect(status().isOk());

    // then the first case's 15 days count again from 9 Oct: the 15th day, Saturday 24 Oct, moves to Monday 26 Oct
    view(withNewFacts).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-26T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.warningAt", is("2026-10-23T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.periodStartedAt", is("2026-10-09T10:00:00+08:00")))
        .andExpect(jsonPath("$.additionalSubmissions", is(1)));
    assertThat(worker.openTask(withNewFacts, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getDueDate())
        .isEqualTo(date(OffsetDateTime.parse("2026-10-26T23:59:59.999+08:00")));
    assertThat(clockTimer(withNewFacts).getDuedate()).isEqualTo(date(OffsetDateTime.parse("2026-10-23T23:59:59.999+08:00")));
    // and the other keeps its period
    view(withoutNewFacts).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.additionalSubmissions", is(1)));
    assertThat(clockTimer(withoutNewFacts).getDuedate()).isEqualTo(date(WARNING));

    // and each case's timeline says what the repeat did
    assertThat(mergedSubmission(withNewFacts).toString()).contains("\"newFacts\":true")
        .contains("\"periodRestarted\":true").contains("\"restartedDueAt\":\"2026-10-26T23:59:59.999+08:00\"");
    assertThat(mergedSubmission(withoutNewFacts).toString()).contains("\"newFacts\":false")
        .doesNotContain("restartedDueAt");

    // and the old deadline no longer fires: at the end of 13 Oct only the case without new facts is overdue
    runJobsAt(DUE.plusSeconds(1), withNewFacts, withoutNewFacts);
    assertThat(alerts(withNewFacts)).isEmpty();
    assertThat(alerts(withoutNewFacts)).containsExactly("DECISION_BREACH");
  }

  @Test
  void shouldWarnAndEscalateTheRestartedPeriodAgainAfterAMissedDeadlineWasHandled() throws Exception {
    // given a complaint received Monday 28 Sep 2026 whose deadline (end of 13 Oct) passed and was handled
    String number = submit();
    runJobsAt(DUE.plusSeconds(1), number);
    worker.complete(number, ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT, "sam",
        Map.of("overdueAction", "CHASED", "overdueNotes", "Chased the investigator"));
    worker.runJobs(number);
    assertThat(clockTimer(number)).as("the clock branch has ended").isNull();

    // when on Thursday 15 Oct the customer complains again with new facts
    at(OffsetDateTime.parse("2026-10-15T10:00:00+08:00"));
    repeat(number, "CLK-R5", true).andExpect(status().isOk());

    // then 15 days count from 15 Oct: due at the end of Friday 30 Oct, warned at the end of 27 Oct, a timer armed
    view(number).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-30T23:59:59.999+08:00")))
        .andExpect(jsonPath("$.deadlines.clockState", is("ON_TRACK")));
    assertThat(clockTimer(number).getDuedate()).isEqualTo(date(OffsetDateTime.parse("2026-10-27T23:59:59.999+08:00")));

    // and the restarted period warns and escalates again
    runJobsAt(OffsetDateTime.parse("2026-10-28T00:00:01+08:00"), number);
    assertThat(alerts(number)).containsExactly("DECISION_BREACH", "DECISION_WARNING");
    runJobsAt(OffsetDateTime.parse("2026-10-31T00:00:01+08:00"), number);
    assertThat(alerts(number)).containsExactly("DECISION_BREACH", "DECISION_WARNING", "DECISION_BREACH");
    assertThat(worker.openTask(number, ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT)).isNotNull();
  }

  @Test
  void shouldRefuseARepeatThatNamesAnotherCustomersComplaint() throws Exception {
    String number = submit();
    // another customer id
    repeatWith(number, Submissions.creditCardComplaint("CLK-R6"), true).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("repeatOf")));
    // no customer id, another name with the case's phone
    repeatWith(number, Submissions.creditCardComplaint("CLK-R7").replace("\"customerId\": \"C-CLK-R7\", ", "")
        .replace("王秀英", "李娜"), true).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("repeatOf")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_submission WHERE external_reference IN ('CLK-R6', 'CLK-R7')")
        .query(Integer.class).single()).isZero();
    view(number).andExpect(jsonPath("$.deadlines.decisionDueAt", is("2026-10-13T23:59:59.999+08:00")));
    // the same customer without an id: name and phone match
    repeatWith(number, Submissions.creditCardComplaint("CLK-R8").replace("\"customerId\": \"C-CLK-R8\", ", ""), false)
        .andExpect(status().isOk());
  }

  @Test
  void shouldRefuseARepeatOfAComplaintThatDoesNotExist() throws Exception {
    repeat("CMP-2026-999999", "CLK-R3", true).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("repeatOf")));
    repeat("2026-1", "CLK-R4", true).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("repeatOf")));
  }

  /** A repeat by the case's own customer (same customer id). */
  private ResultActions repeat(String number, String reference, boolean newFacts) throws Exception {
    String customerId = jdbc.sql("SELECT customer_id FROM complaint WHERE complaint_number = ?").param(number)
        .query(String.class).optional().orElse("C-" + reference);
    return repeatWith(number, Submissions.creditCardComplaint(reference).replace("C-" + reference, customerId), newFacts);
  }

  private ResultActions repeatWith(String number, String submission, boolean newFacts) throws Exception {
    String body = submission
        .replaceFirst("\\{", "{\"repeatOf\": \"" + number + "\", \"newFacts\": " + newFacts + ", ");
    return mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private JsonNode mergedSubmission(String number) throws Exception {
    JsonNode timeline = json.readTree(mvc.perform(get("/api/complaints/" + number + "/timeline")
            .with(httpBasic("audrey", "demo"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    for (JsonNode entry : timeline.get("entries")) {
      if (entry.get("type").asText().equals("SUBMISSION_MERGED")) {
        return entry.get("details");
      }
    }
    throw new AssertionError("no merged submission in the timeline of " + number);
  }

  private static String regulationE(String reference, String transfer) {
    return Submissions.creditCardComplaint(reference).replace("\"CREDIT_CARD\"", "\"DEPOSIT_ACCOUNT\"")
        .replaceFirst("\\{", "{\"regime\": \"US-REG-E\", \"electronicFundTransfer\": " + transfer + ", ");
  }

  /** Writes the model over the deployed resource, as a database administrator could, and empties the engine's cache. */
  private void plant(String deployment, String name, String model) {
    int updated = jdbc.sql("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE DEPLOYMENT_ID_ = ? AND NAME_ = ?")
        .params(model.getBytes(StandardCharsets.UTF_8), deployment, name).update();
    assertThat(updated).isEqualTo(1);
    var cache = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration()).getDeploymentCache();
    cache.discardDecisionDefinitionCache();
    cache.discardDecisionRequirementsDefinitionCache();
  }

  /** One row for every regime, with the outputs (and names) the shipped policy had before regimes. */
  private static String demonstrationPolicy() {
    String[][] outputs = {{"decideWithin", "PT40S"}, {"firstExtension", "PT20S"}, {"secondExtension", "PT20S"},
        {"warnBefore", "PT10S"}, {"departmentReviewWithin", "PT30S"}, {"legalOpinionWithin", "PT30S"},
        {"contestWithin", "PT30S"}, {"reverificationWithin", "PT30S"}, {"surveyWithin", "PT30S"}};
    StringBuilder columns = new StringBuilder();
    StringBuilder entries = new StringBuilder();
    for (String[] output : outputs) {
      columns.append("<output id=\"o_").append(output[0]).append("\" name=\"").append(output[0])
          .append("\" typeRef=\"string\"/>");
      entries.append("<outputEntry id=\"e_").append(output[0]).append("\"><text>\"").append(output[1])
          .append("\"</text></outputEntry>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"demo\" name=\"demo\" namespace=\"http://disputeflow.io/dmn\">"
        + "<decision id=\"deadline-policy\" name=\"Deadline policy\" camunda:historyTimeToLive=\"P1096D\">"
        + "<decisionTable id=\"t\" hitPolicy=\"FIRST\"><input id=\"i_regime\"><inputExpression id=\"x_regime\""
        + " typeRef=\"string\"><text>regime</text></inputExpression></input>" + columns
        + "<rule id=\"rule_demonstration\"><inputEntry id=\"r_regime\"><text>-</text></inputEntry>" + entries
        + "</rule></decisionTable></decision></definitions>";
  }

  private String submit() throws Exception {
    return submit(Submissions.creditCardComplaint("CLK-" + (++references)));
  }

  private String submit(String submission) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(submission))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    JsonNode complaint = json.readTree(body);
    return complaint.get("complaintNumber").asText();
  }

  private ResultActions view(String number) throws Exception {
    return mvc.perform(get("/api/complaints/" + number).with(httpBasic("cora", "demo"))).andExpect(status().isOk());
  }

  private ResultActions search(String query) throws Exception {
    return mvc.perform(get("/api/complaints?size=200&" + query).with(httpBasic("cora", "demo")))
        .andExpect(status().isOk());
  }

  private ResultActions requestExtension(String number, String reason) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/extension-requests").with(httpBasic("cora", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("reason", reason))));
  }

  private ResultActions clockAction(String number, String action, String body) throws Exception {
    var request = post("/api/complaints/" + number + "/clock/" + action).with(httpBasic("cora", "demo"));
    return mvc.perform(body.isEmpty() ? request : request.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private org.camunda.bpm.engine.runtime.Job clockTimer(String number) {
    return managementService.createJobQuery().timers().processInstanceId(mainInstance(number))
        .activityId(ComplaintHandlingProcess.TIMER_NEXT_CLOCK_ALERT).singleResult();
  }

  private String mainInstance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  /** Moves the engine clock and runs the cases' jobs that are due then. */
  private void runJobsAt(OffsetDateTime time, String... numbers) {
    runJobsAt(time, List.of(numbers));
  }

  private void runJobsAt(OffsetDateTime time, List<String> numbers) {
    at(time);
    worker.runJobs(numbers);
  }

  private static void at(OffsetDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }

  private static Date date(OffsetDateTime time) {
    return Date.from(time.toInstant());
  }

  private List<String> alerts(String number) {
    return jdbc.sql("SELECT alert FROM clock_alert WHERE complaint_number = ? ORDER BY id").param(number)
        .query(String.class).list();
  }

  private List<String> letters(String number) {
    return jdbc.sql("SELECT letter_type FROM letter WHERE complaint_number = ? ORDER BY id").param(number)
        .query(String.class).list();
  }

  private String businessKey(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }
}
