package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.modeling.approval.ModelDiff.BpmnChanges;
import io.disputeflow.modeling.approval.ModelDiff.DecisionChanges;
import io.disputeflow.modeling.approval.ModelDiff.Element;
import io.disputeflow.modeling.approval.ModelDiff.RuleChange;
import io.disputeflow.support.Modeler;
import org.junit.jupiter.api.Test;

/** What the approver's diagram page marks: elements and rules added, removed and changed, by id. */
class ModelDiffTests {

  private static final String INVESTIGATION = Modeler.shipped("investigation.bpmn");
  private static final String AUTHORITY = Modeler.shipped("decisions/compensation-authority.dmn");

  @Test
  void shouldMarkARenamedTaskAsChangedAndNothingElse() {
    String renamed = INVESTIGATION.replace("name=\"Investigate complaint\"", "name=\"Investigate complaint (four eyes)\"");

    BpmnChanges changes = ModelDiff.bpmn(INVESTIGATION, renamed);

    assertThat(changes.changed()).containsExactly(
        new Element("user_investigate_complaint", "userTask", "Investigate complaint (four eyes)"));
    assertThat(changes.added()).isEmpty();
    assertThat(changes.removed()).isEmpty();
  }

  @Test
  void shouldMarkAReplacedEndAsAddedAndRemovedAndTheRedirectedFlowAsChanged() {
    String replaced = INVESTIGATION.replace("end_investigation_completed", "end_investigation_closed");

    BpmnChanges changes = ModelDiff.bpmn(INVESTIGATION, replaced);

    assertThat(changes.added()).extracting(Element::id).containsExactly("end_investigation_closed");
    assertThat(changes.removed()).extracting(Element::id).containsExactly("end_investigation_completed");
    // the service task before it keeps its outgoing flow: only the flow's target changed
    assertThat(changes.changed()).extracting(Element::id).containsExactly("flow_record_to_end");
  }

  @Test
  void shouldNotMarkAnElementThatOnlyMovedOnTheDiagram() {
    String moved = INVESTIGATION.replaceFirst("(<bpmndi:BPMNShape id=\"user_investigate_complaint_di\"[^>]*>\\s*"
        + "<dc:Bounds x=\")(\\d+)", "$1999");
    assertThat(moved).isNotEqualTo(INVESTIGATION);

    BpmnChanges changes = ModelDiff.bpmn(INVESTIGATION, moved);

    assertThat(changes.added()).isEmpty();
    assertThat(changes.removed()).isEmpty();
    assertThat(changes.changed()).isEmpty();
  }

  @Test
  void shouldMarkAChangedExpressionAsChanged() {
    String changedDelegate = INVESTIGATION.replace("${recordInvestigationDelegate}", "${recordInvestigationDelegate2}");

    assertThat(ModelDiff.bpmn(INVESTIGATION, changedDelegate).changed()).extracting(Element::id)
        .containsExactly("service_record_investigation");
  }

  @Test
  void shouldMarkEveryElementOfANewModelAsAdded() {
    BpmnChanges changes = ModelDiff.bpmn(null, INVESTIGATION);

    assertThat(changes.added()).extracting(Element::id).contains("start_investigation_started",
        "user_investigate_complaint", "flow_record_to_end", "end_investigation_completed").hasSize(7);
  }

  @Test
  void shouldCompareADecisionTableRuleByRule() {
    // given the supervisor's limit raised, the head's rule removed and a rule for the legal department added
    String changed = AUTHORITY.replace("<text>&lt;= 10000</text>", "<text>&lt;= 20000</text>")
        .replaceFirst("(?s)<rule id=\"rule_head_of_consumer_protection\">.*?</rule>",
            "<rule id=\"rule_legal\"><inputEntry id=\"rule_legal_amount\"><text>&gt; 20000</text></inputEntry>"
                + "<outputEntry id=\"rule_legal_group\"><text>\"legal\"</text></outputEntry></rule>");

    DecisionChanges changes = ModelDiff.decision(ModelDiff.decisionTables(AUTHORITY).get(0),
        ModelDiff.decisionTables(changed).get(0));

    assertThat(changes.id()).isEqualTo("compensation-authority");
    assertThat(changes.hitPolicy()).isEqualTo("FIRST");
    assertThat(changes.inputs()).containsExactly("Compensation amount");
    assertThat(changes.outputs()).containsExactly("Approver group");
    assertThat(changes.rules()).extracting(rule -> rule.rule().id() + " " + rule.status()).containsExactly(
        "rule_within_coordinator_authority UNCHANGED", "rule_supervisor CHANGED", "rule_legal ADDED",
        "rule_head_of_consumer_protection REMOVED");
    RuleChange supervisor = changes.rules().get(1);
    assertThat(supervisor.rule().inputs()).containsExactly("<= 20000");
    assertThat(supervisor.was().inputs()).containsExactly("<= 10000");
    assertThat(supervisor.rule().outputs()).containsExactly("\"supervisor\"");
  }

  @Test
  void shouldShowEveryRuleOfANewDecisionAsAdded() {
    DecisionChanges changes = ModelDiff.decision(null, ModelDiff.decisionTables(AUTHORITY).get(0));

    assertThat(changes.activeHitPolicy()).isNull();
    assertThat(changes.rules()).extracting(RuleChange::status).containsOnly("ADDED").hasSize(3);
  }
}
