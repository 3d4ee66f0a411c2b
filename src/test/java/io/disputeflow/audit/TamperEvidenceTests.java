package io.disputeflow.audit;

import static io.disputeflow.audit.AuditCases.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A closed case's timeline is anchored; a history row edited in the database afterwards breaks
 * verification at the very entry built from it, and putting the row back repairs it.
 */
@ApiTest
@DatabaseTest
class TamperEvidenceTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  AuditCases cases;

  @BeforeEach
  void cases() {
    cases = new AuditCases(mvc, json, worker);
  }

  @Test
  void shouldVerifyAClosedCaseAndFindTheEntryWhoseAssigneeWasEdited() throws Exception {
    // given a closed case, anchored when it closed (before anyone asked for its timeline)
    String number = cases.closedComplaint("AUD-3001");
    assertThat(jdbc.sql("SELECT entry_count FROM audit_anchor WHERE complaint_number = ?").param(number)
        .query(Integer.class).optional()).hasValueSatisfying(count -> assertThat(count).isPositive());
    JsonNode verified = cases.verify(number);
    JsonNode timeline = cases.timeline(number);
    assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
    assertThat(verified.get("anchoredEntries").asInt()).isEqualTo(timeline.get("entryCount").asInt());
    assertThat(verified.get("anchoredHeadHash").asText()).isEqualTo(timeline.get("headHash").asText());
    HistoricTaskInstance proposal = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ResolutionProcess.USER_PROPOSE_RESOLUTION).singleResult();
    int completedAt = only(timeline, "TASK_COMPLETED", ResolutionProcess.USER_PROPOSE_RESOLUTION).get("seq").asInt();

    // when someone with database access makes another user the proposer
    edit("UPDATE ACT_HI_TASKINST SET ASSIGNEE_ = 'mallory' WHERE ID_ = ?", proposal.getId());

    // then verification names that task's completion as the first entry that differs
    JsonNode broken = cases.verify(number);
    assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
    assertThat(broken.at("/firstDifference/seq").asInt()).isEqualTo(completedAt);
    assertThat(broken.at("/firstDifference/anchoredType").asText()).isEqualTo("TASK_COMPLETED");
    assertThat(broken.at("/firstDifference/recomputed/details/assignee").asText()).isEqualTo("mallory");
    assertThat(broken.get("recomputedHeadHash").asText()).isNotEqualTo(broken.get("anchoredHeadHash").asText());
    assertThat(broken.get("message").asText()).contains("Entry " + completedAt, "TASK_COMPLETED");

    // and putting the row back restores the chain
    edit("UPDATE ACT_HI_TASKINST SET ASSIGNEE_ = 'cora' WHERE ID_ = ?", proposal.getId());
    assertThat(cases.verify(number).get("status").asText()).isEqualTo("VERIFIED");
  }

  @Test
  void shouldFindEditedFormValuesFinalValuesAndOperationLogRows() throws Exception {
    // given a closed case
    String number = cases.closedComplaint("AUD-3002");
    JsonNode timeline = cases.timeline(number);
    HistoricTaskInstance proposal = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ResolutionProcess.USER_PROPOSE_RESOLUTION).singleResult();
    HistoricDetail decision = historyService.createHistoricDetailQuery().variableUpdates()
        .processInstanceId(proposal.getProcessInstanceId()).list().stream()
        .filter(d -> "decision".equals(((HistoricVariableUpdate) d).getVariableName())
            && proposal.getActivityInstanceId().equals(d.getActivityInstanceId()))
        .findFirst().orElseThrow();

    // when the submitted decision is rewritten in the variable history, then its task completion breaks
    edit("UPDATE ACT_HI_DETAIL SET TEXT_ = 'REJECT' WHERE ID_ = ?", decision.getId());
    assertBrokenAt(number, only(timeline, "TASK_COMPLETED", ResolutionProcess.USER_PROPOSE_RESOLUTION));
    edit("UPDATE ACT_HI_DETAIL SET TEXT_ = 'UPHOLD' WHERE ID_ = ?", decision.getId());

    // when a final value of the case is rewritten, then the closing entry breaks
    String root = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("complaint-handling").singleResult().getId();
    edit("UPDATE ACT_HI_VARINST SET TEXT_ = 'REJECT' WHERE PROC_INST_ID_ = ? AND NAME_ = 'decision'", root);
    JsonNode entries = timeline.get("entries");
    assertBrokenAt(number, entries.get(entries.size() - 1));
    edit("UPDATE ACT_HI_VARINST SET TEXT_ = 'UPHOLD' WHERE PROC_INST_ID_ = ? AND NAME_ = 'decision'", root);

    // when the user of a claim is rewritten in the user operation log, then that claim breaks
    edit("UPDATE ACT_HI_OP_LOG SET USER_ID_ = 'mallory' WHERE TASK_ID_ = ? AND OPERATION_TYPE_ = 'Claim'",
        proposal.getId());
    assertBrokenAt(number, only(timeline, "TASK_CLAIMED", ResolutionProcess.USER_PROPOSE_RESOLUTION));
    edit("UPDATE ACT_HI_OP_LOG SET USER_ID_ = 'cora' WHERE TASK_ID_ = ? AND OPERATION_TYPE_ = 'Claim'",
        proposal.getId());
    assertThat(cases.verify(number).get("status").asText()).isEqualTo("VERIFIED");
  }

  @Test
  void shouldFindADeletedLetterAndAnchorAClosedCaseThatHadNoAnchor() throws Exception {
    // given a closed case whose anchor is lost (a case closed before anchoring existed)
    String number = cases.closedComplaint("AUD-3003");
    jdbc.sql("DELETE FROM audit_anchor_entry WHERE complaint_number = ?").param(number).update();
    jdbc.sql("DELETE FROM audit_anchor WHERE complaint_number = ?").param(number).update();

    // when the timeline is read, then the case is anchored again
    JsonNode timeline = cases.timeline(number);
    assertThat(cases.verify(number).get("anchoredEntries").asInt()).isEqualTo(timeline.get("entryCount").asInt());

    // when a letter disappears from our own table, then verification finds the gap
    JsonNode survey = AuditCases.entries(timeline, "LETTER_QUEUED").get(2);
    edit("DELETE FROM letter WHERE id = ?", Long.parseLong(survey.at("/details/letterId").asText()));
    JsonNode broken = cases.verify(number);
    assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
    assertThat(broken.at("/firstDifference/seq").asInt()).isEqualTo(survey.get("seq").asInt());
    assertThat(broken.at("/firstDifference/anchoredType").asText()).isEqualTo("LETTER_QUEUED");
  }

  @Test
  void shouldNotAnchorAnOpenCase() throws Exception {
    String number = cases.submitCreditCardComplaint("AUD-3004");

    JsonNode verification = cases.verify(number);

    assertThat(verification.get("status").asText()).isEqualTo("NOT_ANCHORED");
    assertThat(verification.get("currentEntries").asInt()).isPositive();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_anchor WHERE complaint_number = ?").param(number)
        .query(Integer.class).single()).isZero();
  }

  private void assertBrokenAt(String number, JsonNode entry) throws Exception {
    JsonNode broken = cases.verify(number);
    assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
    assertThat(broken.at("/firstDifference/seq").asInt()).isEqualTo(entry.get("seq").asInt());
    assertThat(broken.at("/firstDifference/anchoredType").asText()).isEqualTo(entry.get("type").asText());
  }

  private void edit(String sql, Object id) {
    assertThat(jdbc.sql(sql).param(id).update()).as(sql).isOne();
  }
}
