package io.disputeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApplicationTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * disputeflow.retention (P1500D here) wins over the models' attribute; the engine's cleanup removes a closed
 * case's history once its retention ended, never before, and runs only at night.
 */
@ApplicationTest
@DatabaseTest
class HistoryRetentionTests {

  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired HistoryRetention retention;
  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService managementService;

  @Test
  void shouldKeepEveryProcessAndDecisionForTheConfiguredRetention() {
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(1500));
    assertThat(repositoryService.createDecisionDefinitionQuery().list())
        .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(1500));
  }

  @Test
  void shouldBringDefinitionsDeployedUnderAnotherRetentionToTheConfiguredOne() {
    // given a definition deployed while the retention was shorter (as after a change of the property)
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
        .latestVersion().singleResult();
    repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 1096);

    // when the engine starts with the configured retention
    retention.afterBuild(processEngine);

    // then the definition keeps history for the configured days again
    assertThat(repositoryService.getProcessDefinition(definition.getId()).getHistoryTimeToLive()).isEqualTo(1500);
  }

  @Test
  void shouldRemoveAClosedCaseOnlyAfterTheRetention() throws Exception {
    String number = new AuditCases(mvc, json, worker).closedComplaint("AUD-5001");

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list())
        .as("the case and its six stages, redress payment included").hasSize(7)
        .allSatisfy((HistoricProcessInstance instance) -> assertThat(instance.getRemovalTime()).isNotNull());
    HistoricProcessInstance root = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(number).processDefinitionKey("complaint-handling").singleResult();
    assertThat(root.getRemovalTime().toInstant())
        .isEqualTo(root.getEndTime().toInstant().plus(1500, ChronoUnit.DAYS));
  }

  @Test
  void shouldRemoveOnlyTheExpiredEngineHistoryWhenTheCleanupRunsAndStillShowTheBanksOwnRecords() throws Exception {
    // given a closed case and an open one
    AuditCases cases = new AuditCases(mvc, json, worker);
    String closed = cases.closedComplaint("AUD-5002");
    String open = cases.submitCreditCardComplaint("AUD-5003");
    Date removal = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed)
        .processDefinitionKey("complaint-handling").singleResult().getRemovalTime();

    // when the engine's own history cleanup runs the day after the closed case's retention ended
    ClockUtil.setCurrentTime(Date.from(removal.toInstant().plus(1, ChronoUnit.DAYS)));
    try {
      managementService.executeJob(historyService.cleanUpHistoryAsync(true).getId());
    } finally {
      ClockUtil.reset();
    }

    // then the closed case's engine history is gone, the open case's is untouched
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(open).count()).isPositive();
    // and an auditor still reads the complaint and its letters, which our own tables keep, without engine events
    JsonNode timeline = cases.timeline(closed);
    assertThat(AuditCases.entries(timeline, "COMPLAINT_RECEIVED")).hasSize(1);
    assertThat(AuditCases.entries(timeline, "LETTER_QUEUED")).hasSize(3);
    assertThat(AuditCases.entries(timeline, "PROCESS_STARTED")).isEmpty();
    assertThat(AuditCases.entries(timeline, "TASK_COMPLETED")).isEmpty();
  }

  @Test
  void shouldKeepAClosedCasesEngineHistoryWhenTheCleanupRunsBeforeItsRetentionEnds() throws Exception {
    // given a closed case
    String closed = new AuditCases(mvc, json, worker).closedComplaint("AUD-5004");
    long instances = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed).count();

    // when the cleanup runs a day before its removal time
    Date removal = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed)
        .processDefinitionKey("complaint-handling").singleResult().getRemovalTime();
    ClockUtil.setCurrentTime(Date.from(removal.toInstant().minus(1, ChronoUnit.DAYS)));
    try {
      managementService.executeJob(historyService.cleanUpHistoryAsync(true).getId());
    } finally {
      ClockUtil.reset();
    }

    // then nothing of it is removed
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed).count())
        .isEqualTo(instances).isPositive();
  }

  @Test
  void shouldScheduleTheHistoryCleanupInTheNightlyWindowOfTheBank() {
    ZoneId bank = ZoneId.of("Asia/Shanghai");

    // scheduled as the engine schedules it when it starts: the tests above ran it at once, at other engine times,
    // and so may a test class before this one on the shared application
    historyService.cleanUpHistoryAsync();

    assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty().allSatisfy((Job job) -> {
      LocalTime due = job.getDuedate().toInstant().atZone(bank).toLocalTime();
      assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    });
  }

  @Test
  void shouldRefuseARetentionShorterThanThreeYearsOrInMonths() {
    assertThat(HistoryRetention.days(Period.ofDays(1096))).isEqualTo(1096);
    assertThatThrownBy(() -> HistoryRetention.days(Period.ofDays(30))).hasMessageContaining("at least P1096D");
    assertThatThrownBy(() -> HistoryRetention.days(Period.ofYears(3))).hasMessageContaining("in days");
  }
}
