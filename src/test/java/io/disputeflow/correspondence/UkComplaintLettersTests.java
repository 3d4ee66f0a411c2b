package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.resolution.SummaryResolutionRefusedException;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A UK complaint from receipt, on the engine clock: the acknowledgement names the eight weeks in London
 * time, the eight-week letter goes out on their last day when no final response was sent (FCA DISP
 * 1.6.2R(2)), and a complaint the customer accepted by the close of the third business day closes with a
 * summary resolution communication (DISP 1.5) — never later, never outside the UK.
 */
@ApiTest
class UkComplaintLettersTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired LetterService letters;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ComplaintRepository complaints;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldSendTheEightWeekLetterOnTheLastDayOfTheEightWeeksWithoutAFinalResponse() throws Exception {
    // given a UK complaint received on Friday 2026-11-06 (8 weeks end with New Year's Day, not moved)
    at("2026-11-06T10:00:00Z");
    String number = submit("UK-8W-1", "UK-FCA-DISP");

    // then the acknowledgement names the eight weeks' end in London time, the task shows the regime
    assertThat(letter(number, LetterType.ACKNOWLEDGEMENT)).contains("within eight weeks of receiving your complaint,"
        + " by 1 January 2027, 23:59", "Financial Ombudsman Service");
    Task investigation = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    assertThat(taskService.getVariablesLocal(investigation.getId()))
        .containsEntry("regimeText", "UK-FCA-DISP · UK – FCA DISP / 英国 FCA 投诉处理规则");
    // and the letter waits for the first moment of the last day, London
    assertThat(eightWeekTimer(number).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-01-01T00:00:00Z")));

    // when the clock reaches the evening before: nothing yet
    at("2026-12-31T23:59:00Z");
    worker.runJobs(number);
    assertThat(typesOf(number)).doesNotContain(LetterType.EIGHT_WEEK_LETTER);

    // when the last day begins without a final response
    at("2027-01-01T00:00:01Z");
    worker.runJobs(number);

    // then the customer gets the eight-week letter, once: why, when, and the Ombudsman now
    assertThat(typesOf(number)).containsOnlyOnce(LetterType.EIGHT_WEEK_LETTER);
    assertThat(letter(number, LetterType.EIGHT_WEEK_LETTER)).contains("Eight weeks have now passed",
        "because we are still investigating it", "by 29 January 2027",
        "You may now refer your complaint to the Financial Ombudsman Service", "www.financial-ombudsman.org.uk");
    assertThat(eightWeekTimer(number)).isNull();
  }

  @Test
  void shouldCloseWithASummaryResolutionWhenTheCustomerAcceptedByTheThirdBusinessDay() throws Exception {
    // given a UK complaint received on Christmas Eve: the 3rd business day after is 31 Dec (25, 28 Dec holidays)
    at("2026-12-24T10:00:00Z");
    String number = submit("UK-SRC-1", "UK-FCA-DISP");
    Task investigation = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    assertThat(taskService.getVariablesLocal(investigation.getId()))
        .containsEntry("summaryResolutionUntilText", "2027-01-01 07:59 (Asia/Shanghai)");

    // when the coordinator records, on its last evening, that the customer accepted the refund
    at("2026-12-31T22:00:00Z");
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", summaryResolution("UPHOLD"));

    // then the decision is on file and the customer has the summary resolution communication with the FOS right
    var complaint = complaints.find(number).orElseThrow();
    assertThat(complaint.decision()).isEqualTo("UPHOLD");
    assertThat(complaint.resolutionOutcome()).isEqualTo("SUMMARY_RESOLUTION");
    assertThat(letter(number, LetterType.SUMMARY_RESOLUTION)).contains("we now consider your complaint resolved",
        "The duplicate charge was refunded; the customer accepted on the phone",
        "may be able to refer it to the Financial Ombudsman Service",
        "within six months of the date of this letter (by 30 June 2027, 23:59)");
    assertThat(worker.openTasks(number)).extracting(Task::getTaskDefinitionKey)
        .doesNotContain("user_review_department", "user_propose_resolution");

    // when the eight weeks' last day comes, no eight-week letter is owed
    at("2027-02-18T00:00:01Z");
    worker.runJobs(number);
    assertThat(typesOf(number)).doesNotContain(LetterType.EIGHT_WEEK_LETTER, LetterType.DECISION);
  }

  @Test
  void shouldRefuseASummaryResolutionAfterTheThirdBusinessDayOrOutsideTheUk() throws Exception {
    // given a UK complaint past its window, and a Chinese one
    at("2026-12-24T10:00:00Z");
    String uk = submit("UK-SRC-2", "UK-FCA-DISP");
    String cn = submit("CN-SRC-1", null);
    at("2027-01-01T00:00:01Z");
    worker.runJobs(List.of(uk, cn));

    // when the coordinator takes the task after the window, the form no longer offers the option
    Task investigation = worker.openTask(uk, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    taskService.claim(investigation.getId(), "cora");
    assertThat(taskService.getVariableLocal(investigation.getId(), "summaryResolutionUntilText")).isNull();

    // when the coordinator records a summary resolution anyway, the engine refuses and the task stays open
    assertThatThrownBy(() -> worker.complete(investigation, "cora", summaryResolution("UPHOLD")))
        .hasRootCauseInstanceOf(SummaryResolutionRefusedException.class)
        .hasMessageContaining("closed at 2026-12-31T23:59:59.999Z");
    assertThatThrownBy(() -> worker.complete(cn, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora",
        summaryResolution("UPHOLD"))).hasRootCauseInstanceOf(SummaryResolutionRefusedException.class)
        .hasMessageContaining("for UK complaints only");
    assertThat(worker.openTask(uk, InvestigationProcess.USER_INVESTIGATE_COMPLAINT)).isNotNull();
    assertThat(typesOf(uk)).doesNotContain(LetterType.SUMMARY_RESOLUTION);
  }

  private static Map<String, Object> summaryResolution(String decision) {
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "The duplicate charge was refunded; the customer accepted on the phone");
    investigation.put("summaryResolution", true);
    investigation.put("decision", decision);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    return investigation;
  }

  private Job eightWeekTimer(String number) {
    String main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
    return managementService.createJobQuery().processInstanceId(main)
        .activityId(ComplaintHandlingProcess.TIMER_EIGHT_WEEKS_ENDING).singleResult();
  }

  private List<LetterType> typesOf(String number) {
    return letters.lettersOf(number).stream().map(Letter::type).toList();
  }

  private String letter(String number, LetterType type) {
    Letter letter = letters.lettersOf(number).stream().filter(l -> l.type() == type).findFirst().orElseThrow();
    return letters.copyOf(number, letter.id()).body();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private String submit(String reference, String regime) throws Exception {
    String body = Submissions.creditCardComplaint(reference + "-" + System.nanoTime())
        .replace("\"preferredLanguage\": \"zh-CN\"", "\"preferredLanguage\": \"en\"");
    if (regime != null) {
      body = body.replaceFirst("\\{", "{\"regime\": \"" + regime + "\", ");
    }
    String response = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response).get("complaintNumber").asText();
  }
}
