package io.disputeflow.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A letter that cannot be written is retried on the configured cycle (disputeflow.retry-cycle,
 * R5/PT1M), then becomes an incident for Cockpit; the coordinator's decision is never rolled back, and
 * once the cause is fixed and the job retried the case goes on with nothing lost.
 */
@ApiTest
class FailedLetterRetryTests {

  private static final Duration RETRY_INTERVAL = Duration.ofMinutes(1);
  private static final int ATTEMPTS = 5;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRetryAFailedLetterThenRaiseAnIncidentAndGoOnOnceFixed() throws Exception {
    // given a reviewed complaint, and a letter store that refuses its decision letter
    ClockUtil.setCurrentTime(new Date());
    String number = submit("RETRY-1");
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "客户陈述属实");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "重复扣款属实", "reviewRecommendation", "UPHOLD"));
    String fault = "letter_store_down_" + number.replace("-", "_").toLowerCase();
    jdbc.sql("ALTER TABLE letter ADD CONSTRAINT " + fault + " CHECK (complaint_number <> '" + number
        + "' OR letter_type <> 'DECISION')").update();
    String resolution = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ResolutionProcess.KEY).singleResult().getId();
    try {
      // when cora proposes the decision
      Task proposal = worker.openTask(number, ResolutionProcess.USER_PROPOSE_RESOLUTION);
      CaseWorker.authenticate(identityService, "cora");
      try {
        taskService.claim(proposal.getId(), "cora");
        taskService.complete(proposal.getId(), Map.of("decision", "UPHOLD", "compensationAmount", 500.0,
            "decisionGrounds", "重复扣款，退还"));
      } finally {
        identityService.clearAuthentication();
      }
      managementService.executeJob(job(resolution, ResolutionProcess.USER_PROPOSE_RESOLUTION).getId());

      // then her proposal stands while the letter fails in its own job, retried every minute
      Job letter = job(resolution, ResolutionProcess.SERVICE_ISSUE_DECISION_LETTER);
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        assertThat(executable(letter)).as("attempt %d due", attempt).isTrue();
        String jobId = letter.getId();
        // the cause is in the stack trace; PostgreSQL then refuses the engine's next statement too, so the
        // top message there is the engine's "exception in the persistence layer"
        assertThatThrownBy(() -> managementService.executeJob(jobId))
            .satisfies(e -> assertThat(stackTrace(e)).containsIgnoringCase(fault));
        letter = job(resolution, ResolutionProcess.SERVICE_ISSUE_DECISION_LETTER);
        assertThat(letter.getRetries()).isEqualTo(ATTEMPTS - attempt);
        if (attempt < ATTEMPTS) {
          Date due = new Date(ClockUtil.now().getTime() + RETRY_INTERVAL.toMillis());
          assertThat(letter.getDuedate()).isEqualTo(due);
          ClockUtil.setCurrentTime(new Date(due.getTime() - 1_000));
          assertThat(executable(letter)).as("a second before the retry").isFalse();
          ClockUtil.setCurrentTime(due);
        }
      }
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey(ResolutionProcess.USER_PROPOSE_RESOLUTION).finished().count()).isOne();
      assertThat(runtimeService.getVariable(letter.getProcessInstanceId(), "decisionGrounds")).isEqualTo("重复扣款，退还");

      // and after the last attempt it is an incident, as Cockpit shows it
      Incident incident = runtimeService.createIncidentQuery().configuration(letter.getId())
          .singleResult();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo(ResolutionProcess.SERVICE_ISSUE_DECISION_LETTER);
      assertThat(managementService.getJobExceptionStacktrace(letter.getId())).containsIgnoringCase(fault);
      assertThat(executable(letter)).isFalse();
      assertThat(historyService.createHistoricJobLogQuery().jobId(letter.getId()).failureLog().count())
          .isEqualTo(ATTEMPTS);
    } finally {
      // when the cause is fixed …
      jdbc.sql("ALTER TABLE letter DROP CONSTRAINT " + fault).update();
    }
    // … and an operator retries the job now (Cockpit's "Increment number of retries" does the same)
    Job letter = job(resolution, ResolutionProcess.SERVICE_ISSUE_DECISION_LETTER);
    managementService.setJobRetries(1).jobId(letter.getId()).dueDate(ClockUtil.now()).execute();
    worker.runJobs(number);

    // then the case goes on where it stopped: the letter once, the decision on record, the incident resolved
    assertThat(jdbc.sql("SELECT letter_type FROM letter WHERE complaint_number = ? ORDER BY id").param(number)
        .query(String.class).list()).containsExactly("ACKNOWLEDGEMENT", "DECISION");
    assertThat(jdbc.sql("SELECT decision || ' ' || status FROM complaint WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo("UPHOLD AWAITING_CUSTOMER");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(letter.getProcessInstanceId()).count()).isZero();
    assertThat(historyService.createHistoricIncidentQuery().processInstanceId(letter.getProcessInstanceId())
        .resolved().count()).isOne();
  }

  private String submit(String reference) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("complaintNumber").asText();
  }

  private Job job(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .singleResult();
  }

  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  private boolean executable(Job job) {
    return managementService.createJobQuery().jobId(job.getId()).executable().count() == 1;
  }
}
