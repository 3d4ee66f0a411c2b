package io.disputeflow.audit;

import static io.disputeflow.audit.AuditCases.entries;
import static io.disputeflow.audit.AuditCases.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.IntakeProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The timeline of whole cases driven through every path of the models: complete, in order, with
 * the people who acted, and the same in JSON and CSV.
 */
@ApiTest
@DatabaseTest
class TimelineApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  AuditCases cases;

  @BeforeEach
  void cases() {
    cases = new AuditCases(mvc, json, worker);
  }

  @Test
  void shouldRecordEveryStepOfAComplaintWithThePeopleWhoTookThem() throws Exception {
    // given a complaint with a second submission, two departments, legal counsel, an approved
    // compensation, a deadline extension, an unhappy survey and a follow-up
    String number = cases.submitCreditCardComplaint("AUD-1001");
    cases.submit(Submissions.creditCardComplaint("AUD-1001")
        .replace("\"externalReference\": \"AUD-1001\"", "\"externalReference\": \"AUD-1001-B\""));
    cases.investigate(number, "cora", List.of("dept-cards", "dept-digital"), true);
    clock(number, "extension-requests", "{\"reason\": \"等待商户提供交易凭证\"}");
    worker.complete(number, ComplaintHandlingProcess.USER_APPROVE_EXTENSION, "sam",
        Map.of("extensionApproved", true, "extensionComment", "Complex merchant dispute"));
    clock(number, "clock/pause", "{\"reason\": \"外部鉴定 external appraisal\"}");
    clock(number, "clock/resume", null);
    cases.review(number, "carl", "UPHOLD");
    cases.review(number, "diana", "PARTLY_UPHOLD");
    cases.legalOpinion(number);
    cases.propose(number, "cora", "UPHOLD", 5000.0);
    cases.approve(number, "sam");
    cases.customerAction(number, "customer-response", "{\"accepted\": true}");
    worker.payRedress(number);
    cases.customerAction(number, "survey", "{\"score\": 2, \"comment\": \"=HYPERLINK(\\\"x\\\") 太慢了\"}");
    cases.followUp(number, "chen");
    cases.rootCause(number);

    // when an auditor reads its timeline
    JsonNode timeline = cases.timeline(number);

    // then it is one ordered chain in the bank's zone, from receipt to closing
    assertOrderedChain(timeline);
    List<JsonNode> all = list(timeline.get("entries"));
    assertThat(all.get(0).get("type").asText()).isEqualTo("COMPLAINT_RECEIVED");
    assertThat(all.get(0).get("actor").asText()).isEqualTo("intake");
    JsonNode last = all.get(all.size() - 1);
    assertThat(last.get("type").asText()).isEqualTo("PROCESS_ENDED");
    assertThat(last.get("elementId").asText()).isEqualTo(ComplaintHandlingProcess.END_COMPLAINT_CLOSED);
    assertThat(last.at("/details/finalVariables/resolutionOutcome").asText()).isEqualTo("ACCEPTED");

    // every process and stage, the called processes inside their stage
    assertThat(values(entries(timeline, "PROCESS_STARTED"), e -> e.get("processKey").asText())).containsExactly(
        "complaint-handling", "intake", "investigation", "department-review", "legal-consultation", "resolution",
        "redress-payment", "feedback");
    assertThat(values(entries(timeline, "STAGE_ENTERED"), e -> e.get("elementId").asText())).containsExactly(
        "call_intake", "call_investigation", "call_department_review", "call_legal_consultation", "call_resolution",
        "call_redress_payment", "call_feedback");
    assertThat(values(entries(timeline, "STAGE_LEFT"), e -> e.get("elementId").asText())).containsExactly(
        "call_intake", "call_investigation", "call_department_review", "call_legal_consultation", "call_resolution",
        "call_redress_payment", "call_feedback");
    for (JsonNode stage : entries(timeline, "STAGE_ENTERED")) {
      String called = stage.at("/details/calledProcessInstanceId").asText();
      int left = only(timeline, "STAGE_LEFT", stage.get("elementId").asText()).get("seq").asInt();
      List<Integer> inside = all.stream().filter(e -> called.equals(e.get("processInstanceId").asText()))
          .map(e -> e.get("seq").asInt()).toList();
      assertThat(inside).as("entries of %s", stage.get("elementId").asText()).isNotEmpty()
          .allSatisfy(seq -> assertThat(seq).isBetween(stage.get("seq").asInt(), left));
    }

    // each task created, claimed and completed by the person who did it, with the values submitted
    assertThat(values(entries(timeline, "TASK_COMPLETED"), e -> e.get("elementId").asText() + ":" + e.get("actor").asText()))
        .containsExactly("user_investigate_complaint:cora", "user_approve_extension:sam", "user_review_department:carl",
            "user_review_department:diana", "user_give_legal_opinion:lara", "user_propose_resolution:cora",
            "user_approve_compensation:sam", "user_pay_redress:anna", "user_follow_up_dissatisfaction:chen",
            "user_record_root_cause:cora");
    for (JsonNode completed : entries(timeline, "TASK_COMPLETED")) {
      String taskId = completed.at("/details/taskId").asText();
      List<String> lifecycle = all.stream().filter(e -> taskId.equals(e.at("/details/taskId").asText()))
          .map(e -> e.get("type").asText()).toList();
      assertThat(lifecycle).containsExactly("TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED");
    }
    JsonNode proposal = only(timeline, "TASK_COMPLETED", "user_propose_resolution");
    assertThat(proposal.at("/details/formValues/decision").asText()).isEqualTo("UPHOLD");
    assertThat(proposal.at("/details/formValues/compensationAmount").asText()).isEqualTo("5000.0");
    assertThat(proposal.at("/details/assignee").asText()).isEqualTo("cora");
    assertThat(only(timeline, "TASK_CREATED", "user_approve_compensation").at("/details/candidateGroups").asText())
        .isEqualTo("supervisor");
    assertThat(only(timeline, "TASK_COMPLETED", "user_investigate_complaint").at("/details/formValues/departments")
        .asText()).isEqualTo("[\"dept-cards\",\"dept-digital\"]");

    // the decisions with their inputs and outputs
    JsonNode classification = entries(timeline, "DECISION_EVALUATED").stream()
        .filter(e -> "complaint-classification".equals(e.at("/details/decision").asText())).findFirst().orElseThrow();
    assertThat(classification.at("/details/inputs/Product").asText()).isEqualTo("CREDIT_CARD");
    assertThat(classification.at("/details/outputs/category").asText()).isEqualTo("BILLING_DISPUTE");
    assertThat(classification.get("elementId").asText()).isEqualTo(IntakeProcess.SERVICE_CLASSIFY_COMPLAINT);
    JsonNode authority = only(timeline, "DECISION_EVALUATED", "rule_determine_approval_authority");
    assertThat(authority.at("/details/inputs").toString()).contains("5000.0");
    assertThat(authority.at("/details/outputs/approverGroup").asText()).isEqualTo("supervisor");
    assertThat(values(entries(timeline, "DECISION_EVALUATED"), e -> e.at("/details/decision").asText()))
        .contains("complaint-priority", "deadline-policy");

    // the deadline set at intake, extended at the coordinator's request by the supervisor, the clock paused
    JsonNode set = entries(timeline, "DEADLINE_SET").stream()
        .filter(e -> "decisionDueAt".equals(e.at("/details/deadline").asText())).findFirst().orElseThrow();
    assertThat(set.get("elementId").asText()).isEqualTo(IntakeProcess.SERVICE_SET_DEADLINES);
    JsonNode requested = entries(timeline, "EXTENSION_REQUESTED").get(0);
    assertThat(requested.get("actor").asText()).isEqualTo("cora");
    assertThat(requested.at("/details/reason").asText()).isEqualTo("等待商户提供交易凭证");
    JsonNode granted = entries(timeline, "EXTENSION_DECIDED").get(0);
    assertThat(granted.get("actor").asText()).isEqualTo("sam");
    assertThat(granted.at("/details/outcome").asText()).isEqualTo("APPROVED");
    JsonNode extended = entries(timeline, "DEADLINE_CHANGED").stream()
        .filter(e -> "decisionDueAt".equals(e.at("/details/deadline").asText())).findFirst().orElseThrow();
    assertThat(extended.at("/details/change").asText()).isEqualTo("EXTENDED");
    // the clock moves the deadline in its own step after the approval (the engine, not sam, writes it)
    assertThat(extended.get("seq").asInt())
        .isGreaterThan(only(timeline, "TASK_COMPLETED", ComplaintHandlingProcess.USER_APPROVE_EXTENSION).get("seq").asInt());
    assertThat(extended.at("/details/previousDueAt").asText()).isEqualTo(set.at("/details/dueAt").asText());
    assertThat(extended.at("/details/dueAt").asText()).isEqualTo(granted.at("/details/newDueAt").asText());
    assertThat(only(timeline, "TASK_COMPLETED", ComplaintHandlingProcess.USER_APPROVE_EXTENSION)
        .at("/details/formValues/extensionComment").asText()).isEqualTo("Complex merchant dispute");
    assertThat(values(entries(timeline, "CLOCK_PAUSED"), e -> e.get("actor").asText() + ":" + e.at("/details/reason")
        .asText())).containsExactly("cora:外部鉴定 external appraisal");
    assertThat(entries(timeline, "CLOCK_RESUMED")).singleElement()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("cora"));

    // letters, the customer's own actions passed on by the channel, and the merged submission
    assertThat(values(entries(timeline, "LETTER_QUEUED"), e -> e.at("/details/letterType").asText()))
        .containsSubsequence("ACKNOWLEDGEMENT", "EXTENSION_NOTICE", "PAUSE_NOTICE", "DECISION", "SURVEY_INVITATION");
    assertThat(only(timeline, "LETTER_QUEUED", "service_issue_decision_letter").get("processKey").asText())
        .isEqualTo("resolution");
    List<JsonNode> customer = entries(timeline, "CUSTOMER_ACTION");
    assertThat(values(customer, e -> e.get("actor").asText() + ":" + e.at("/details/message").asText()))
        .containsExactly("intake:customer-response", "intake:survey-response");
    assertThat(customer.get(0).at("/details/values/customerAccepted").asText()).isEqualTo("true");
    assertThat(customer.get(1).at("/details/values/surveyScore").asText()).isEqualTo("2");
    assertThat(customer.get(1).get("elementId").asText()).isEqualTo("message_survey_received");
    assertThat(entries(timeline, "SUBMISSION_MERGED")).singleElement()
        .satisfies(e -> assertThat(e.at("/details/externalReference").asText()).isEqualTo("AUD-1001-B"));

    // and the CSV export says exactly the same
    assertSameInCsv(number, timeline);
  }

  @Test
  void shouldRecordAnInquiryAnsweredAtFirstContact() throws Exception {
    // given an inquiry answered by chen at intake
    String number = cases.submit(Submissions.creditCardComplaint("AUD-1002").replaceFirst("\\{", "{\"inquiryOnly\": true,"));
    worker.complete(number, IntakeProcess.USER_ANSWER_INQUIRY, "chen", Map.of("inquiryAnswer", "账单已核对，无重复扣款"));

    // when
    JsonNode timeline = cases.timeline(number);

    // then it ends at intake, answered and closed
    assertOrderedChain(timeline);
    assertThat(values(entries(timeline, "STAGE_ENTERED"), e -> e.get("elementId").asText())).containsExactly("call_intake");
    JsonNode answer = only(timeline, "TASK_COMPLETED", IntakeProcess.USER_ANSWER_INQUIRY);
    assertThat(answer.get("actor").asText()).isEqualTo("chen");
    assertThat(answer.at("/details/formValues/inquiryAnswer").asText()).isEqualTo("账单已核对，无重复扣款");
    assertThat(values(entries(timeline, "LETTER_QUEUED"), e -> e.at("/details/letterType").asText()))
        .containsExactly("ACKNOWLEDGEMENT", "INQUIRY_ANSWER");
    assertThat(only(timeline, "STEP_COMPLETED", ComplaintHandlingProcess.SERVICE_CLOSE_INQUIRY)).isNotNull();
    assertThat(list(timeline.get("entries")).get(timeline.get("entryCount").asInt() - 1).get("elementId").asText())
        .isEqualTo(ComplaintHandlingProcess.END_INQUIRY_ANSWERED);
    assertThat(cases.verify(number).get("status").asText()).isEqualTo("VERIFIED");
    assertSameInCsv(number, timeline);
  }

  @Test
  void shouldRecordAReverificationTheCustomerAskedFor() throws Exception {
    // given a rejected complaint that the customer contests and the head re-verifies
    String number = cases.submitCreditCardComplaint("AUD-1003");
    cases.investigate(number, "chen", List.of("dept-cards"), false);
    cases.review(number, "carl", "REJECT");
    cases.propose(number, "chen", "REJECT", 0.0);
    cases.customerAction(number, "customer-response", "{\"accepted\": false, \"reason\": \"我没有授权这笔交易\"}");
    cases.reverify(number);

    // when
    JsonNode timeline = cases.timeline(number);

    // then the contest, the re-verification stage inside resolution and the head's decision are there
    assertOrderedChain(timeline);
    JsonNode contest = entries(timeline, "CUSTOMER_ACTION").get(0);
    assertThat(contest.get("actor").asText()).isEqualTo("intake");
    assertThat(contest.at("/details/values/customerAccepted").asText()).isEqualTo("false");
    assertThat(contest.at("/details/values/customerResponseReason").asText()).isEqualTo("我没有授权这笔交易");
    JsonNode stage = only(timeline, "STAGE_ENTERED", "call_reverification");
    assertThat(stage.get("processKey").asText()).isEqualTo("resolution");
    assertThat(stage.get("seq").asInt()).isGreaterThan(contest.get("seq").asInt());
    JsonNode decided = only(timeline, "TASK_COMPLETED", "user_decide_reverification");
    assertThat(decided.get("actor").asText()).isEqualTo("helen");
    assertThat(decided.get("processKey").asText()).isEqualTo("reverification");
    assertThat(decided.at("/details/formValues/reverificationOutcome").asText()).isEqualTo("REVISED");
    assertThat(values(entries(timeline, "LETTER_QUEUED"), e -> e.at("/details/letterType").asText()))
        .contains("REVERIFICATION_DECISION");
    assertSameInCsv(number, timeline);
  }

  @Test
  void shouldRecordAFailingStepItsRetriesTheIncidentAndTheRepair() throws Exception {
    // given an investigation whose departments an administrator emptied in Cockpit before its recording
    // step ran: the step refuses a case without any department (the form itself never lets that through)
    String number = cases.submitCreditCardComplaint("AUD-1004");
    Task investigate = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    asUser("cora", () -> {
      taskService.claim(investigate.getId(), "cora");
      taskService.complete(investigate.getId(), AuditCases.investigation(List.of("dept-cards"), false));
    });
    asUser("admin", () -> runtimeService.setVariable(investigate.getProcessInstanceId(), "departments",
        io.disputeflow.engine.JsonVariable.serialized("[]")));
    int failures = runFailingJobs(investigate.getProcessInstanceId());
    assertThat(failures).isEqualTo(5);

    // when an administrator repairs the data and retries the step, a few minutes later
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(5).toMillis()));
    Job job = managementService.createJobQuery().processInstanceId(investigate.getProcessInstanceId()).singleResult();
    asUser("admin", () -> {
      runtimeService.setVariable(job.getExecutionId(), "departments",
          io.disputeflow.engine.JsonVariable.serialized("[\"dept-cards\"]"));
      managementService.setJobRetries(job.getId(), 1);
    });
    runFailingJobs(investigate.getProcessInstanceId());

    // then the failures, the incident, the repair by admin and the recovery are on the timeline
    JsonNode timeline = cases.timeline(number);
    assertOrderedChain(timeline);
    List<JsonNode> failed = entries(timeline, "JOB_FAILED");
    assertThat(failed).hasSize(5).allSatisfy(e -> {
      assertThat(e.get("elementId").asText()).isEqualTo(InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
      assertThat(e.at("/details/exception").asText()).contains("at least one department");
    });
    assertThat(values(failed, e -> e.at("/details/retriesBefore").asText())).containsExactly("5", "4", "3", "2", "1");
    JsonNode incident = entries(timeline, "INCIDENT_CREATED").get(0);
    assertThat(incident.at("/details/incidentType").asText()).isEqualTo("failedJob");
    List<JsonNode> operations = entries(timeline, "OPERATION");
    assertThat(values(operations, e -> e.get("actor").asText() + ":" + e.at("/details/operation").asText()))
        .contains("admin:SetVariable", "admin:SetJobRetries");
    JsonNode repaired = entries(timeline, "INCIDENT_RESOLVED").get(0);
    JsonNode recovered = entries(timeline, "JOB_SUCCEEDED").get(0);
    assertThat(recovered.at("/details/afterFailures").asText()).isEqualTo("5");
    // the incident comes with the last failure (same transaction, same instant)
    assertThat(Math.abs(incident.get("seq").asInt() - failed.get(4).get("seq").asInt())).isEqualTo(1);
    assertThat(repaired.get("seq").asInt()).isGreaterThan(incident.get("seq").asInt());
    assertThat(only(timeline, "STEP_COMPLETED", InvestigationProcess.SERVICE_RECORD_INVESTIGATION).get("seq").asInt())
        .isGreaterThan(incident.get("seq").asInt());
    assertSameInCsv(number, timeline);
  }

  @Test
  void shouldRecordTheClocksWarningAndBreachInCausalOrderOnAFrozenClock() throws Exception {
    // given a complaint taken in while the engine clock stands still, so one transaction is one instant
    Instant received = Instant.parse("2026-10-05T02:00:00Z");
    ClockUtil.setCurrentTime(Date.from(received));
    try {
      String number = cases.submitCreditCardComplaint("AUD-1006");

      // when its warning time and then its deadline pass with nothing decided
      ClockUtil.setCurrentTime(Date.from(received.plus(14, ChronoUnit.DAYS)));
      worker.runJobs(number);
      ClockUtil.setCurrentTime(Date.from(received.plus(16, ChronoUnit.DAYS)));
      worker.runJobs(number);

      // then the warning and the breach are escalations, the overdue case a task for the supervisor
      JsonNode timeline = cases.timeline(number);
      assertOrderedChain(timeline);
      List<JsonNode> escalations = entries(timeline, "ESCALATION");
      assertThat(values(escalations, e -> e.at("/details/alert").asText()))
          .containsExactly("DECISION_WARNING", "DECISION_BREACH");
      assertThat(escalations.get(1).get("time").asText()).isEqualTo("2026-10-21T10:00:00.000+08:00");
      JsonNode overdueTask = only(timeline, "TASK_CREATED", ComplaintHandlingProcess.USER_HANDLE_OVERDUE_COMPLAINT);
      assertThat(overdueTask.get("seq").asInt()).isGreaterThan(escalations.get(1).get("seq").asInt() - 3);
      assertThat(entries(timeline, "TIMER_FIRED")).isNotEmpty();

      // and within the one instant of intake, cause comes before effect
      List<String> intake = list(timeline.get("entries")).stream()
          .filter(e -> e.get("time").asText().equals("2026-10-05T10:00:00.000+08:00"))
          .map(e -> e.get("type").asText() + ":" + e.get("elementId").asText())
          .filter(e -> e.startsWith("PROCESS_") || e.startsWith("STAGE_") || e.startsWith("TASK_"))
          .toList();
      assertThat(intake).containsSubsequence("PROCESS_STARTED:start_complaint_received", "STAGE_ENTERED:call_intake",
          "PROCESS_STARTED:start_intake_started", "PROCESS_ENDED:end_complaint_registered", "STAGE_LEFT:call_intake",
          "STAGE_ENTERED:call_investigation", "PROCESS_STARTED:start_investigation_started",
          "TASK_CREATED:user_investigate_complaint");
      mvc.perform(get("/api/audit/complaints").param("number", number).param("overdueEver", "true")
              .with(httpBasic("audrey", "demo")))
          .andExpect(jsonPath("$.totalElements", is(1)));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void shouldAnswerUnknownCasesAndFormatsWithProblems() throws Exception {
    mvc.perform(get("/api/complaints/CMP-1999-000000/timeline").with(httpBasic("audrey", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    String number = cases.submitCreditCardComplaint("AUD-1005");
    mvc.perform(get("/api/complaints/" + number + "/timeline").param("format", "xml").with(httpBasic("audrey", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("format")));
    mvc.perform(get("/api/complaints/" + number + "/timeline"))
        .andExpect(status().isUnauthorized());
    cases.timelineResponse(number, "csv")
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + number + "-timeline.csv\""));
  }

  /** A coordinator's request to the regulatory clock. */
  private void clock(String number, String action, String body) throws Exception {
    var request = post("/api/complaints/" + number + "/" + action).with(httpBasic("cora", "demo"));
    mvc.perform(body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted());
    worker.runJobs(number);
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  /** Runs the instance's jobs until none has retries left, moving the engine clock to each retry; counts the failures. */
  private int runFailingJobs(String processInstanceId) {
    int failures = 0;
    Job job;
    while ((job = managementService.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft()
        .singleResult()) != null) {
      if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(job.getDuedate());
      }
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        failures++;
      }
    }
    return failures;
  }

  private void asUser(String user, Runnable work) {
    CaseWorker.authenticate(identityService, user);
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static void assertOrderedChain(JsonNode timeline) {
    List<JsonNode> all = list(timeline.get("entries"));
    assertThat(timeline.get("entryCount").asInt()).isEqualTo(all.size());
    Set<String> hashes = new HashSet<>();
    Instant previous = Instant.MIN;
    for (int i = 0; i < all.size(); i++) {
      JsonNode entry = all.get(i);
      assertThat(entry.get("seq").asInt()).isEqualTo(i);
      assertThat(entry.get("time").asText()).endsWith("+08:00");
      Instant time = OffsetDateTime.parse(entry.get("time").asText()).toInstant();
      assertThat(time).as("entry %s after entry %s", i, i - 1).isAfterOrEqualTo(previous);
      previous = time;
      assertThat(entry.get("hash").asText()).matches("[0-9a-f]{64}");
      assertThat(hashes.add(entry.get("hash").asText())).isTrue();
      assertThat(entry.has("actor") && entry.has("elementId") && entry.has("details")).isTrue();
    }
    assertThat(timeline.get("headHash").asText()).isEqualTo(all.get(all.size() - 1).get("hash").asText());
  }

  private void assertSameInCsv(String number, JsonNode timeline) throws Exception {
    byte[] body = cases.timelineResponse(number, "csv").andReturn().getResponse().getContentAsByteArray();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String csv = new String(body, StandardCharsets.UTF_8).substring(1);
    List<List<String>> rows = Csv.parse(csv);
    assertThat(rows.get(0)).containsExactlyElementsOf(TimelineCsv.HEADER);
    List<JsonNode> all = list(timeline.get("entries"));
    assertThat(rows).hasSize(all.size() + 1);
    for (int i = 0; i < all.size(); i++) {
      JsonNode entry = all.get(i);
      List<String> row = rows.get(i + 1);
      for (int column = 0; column < TimelineCsv.HEADER.size(); column++) {
        String field = TimelineCsv.HEADER.get(column);
        JsonNode value = entry.get(field);
        if ("details".equals(field)) {
          assertThat(json.readTree(row.get(column))).as("details of %s", i).isEqualTo(value);
        } else {
          String expected = value.isNull() ? "" : value.asText();
          String cell = row.get(column);
          assertThat(cell.startsWith("'") && !expected.startsWith("'") ? cell.substring(1) : cell)
              .as("%s of entry %s", field, i).isEqualTo(expected);
        }
      }
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static <T> List<T> values(List<JsonNode> nodes, Function<JsonNode, T> value) {
    return nodes.stream().map(value).toList();
  }
}
