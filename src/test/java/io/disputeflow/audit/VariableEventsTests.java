package io.disputeflow.audit;

import static io.disputeflow.audit.TimelineFixture.at;
import static io.disputeflow.audit.TimelineFixture.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The variable history of the hand-made case: who set what, and what is an event of its own. */
class VariableEventsTests {

  private final CaseHistory history = TimelineFixture.handledCase().history();
  private final CaseTree tree = CaseTree.of(history);
  private final UserOperations operations = new UserOperations(history.operations());
  private final VariableEvents variables =
      new VariableEvents(history, tree, operations, TaskEvents.completedForms(history, operations));
  private final List<Event> events = variables.extract();

  @Test
  void shouldGiveFormValuesToTheTaskAndMessageValuesToTheCustomersAction() {
    assertThat(variables.findings().formValues().get("a3")).containsExactly(entry("findings", "Fee charged twice"));
    assertThat(variables.findings().messageValues().get("op-answer"))
        .containsExactly(entry("customerAnswer", "I want a refund"));
  }

  @Test
  void shouldGiveChangesToTheStepTheProcessStartOrTheOperationThatMadeThem() {
    assertThat(variables.findings().changedByActivity().get("p1"))
        .containsOnlyKeys("decisionDueAt", "product");
    assertThat(variables.findings().changedByActivity().get("a2")).containsExactly(entry("category", "BILLING"));
    assertThat(variables.findings().changedByActivity().get("a6")).containsExactly(entry("letterType", "DECISION"));
    assertThat(variables.findings().changedByOperation().get("op-retry|Job|SetJobRetries"))
        .containsExactly(entry("notified", "false"));
    assertThat(variables.findings().letterTypeOfActivity()).containsExactly(entry("a6", "DECISION"));
  }

  @Test
  void shouldCountACopyOfAnUnchangedValueAsNoChange() {
    assertThat(variables.findings().changedByActivity()).doesNotContainKey("p2");
    assertThat(events).noneMatch(e -> "detail:u4".equals(e.source));
  }

  @Test
  void shouldMakeAnEventOfAChangeNothingElseExplains() {
    Event note = only(EntryType.VARIABLE_CHANGED);
    assertThat(note.time).isEqualTo(instant("11:40:00"));
    assertThat(note.details).containsEntry("variable", "note").containsEntry("value", "asked the branch");
    assertThat(note.processKey).isEqualTo("complaint-handling");
  }

  @Test
  void shouldRecordADeadlineSetAndExtendedWithWhoExtendedIt() {
    Event set = only(EntryType.DEADLINE_SET);
    assertThat(set.details).containsEntry("deadline", "decisionDueAt").containsEntry("dueAt", at("2026-01-31T16:00:00"));
    Event extended = only(EntryType.DEADLINE_CHANGED);
    assertThat(extended.actor).isEqualTo("ivan");
    assertThat(extended.details).containsEntry("change", "EXTENDED")
        .containsEntry("previousDueAt", at("2026-01-31T16:00:00"))
        .containsEntry("dueAt", at("2026-02-28T16:00:00"));
  }

  private Event only(EntryType type) {
    return events.stream().filter(e -> e.type == type).reduce((a, b) -> {
      throw new AssertionError("more than one " + type);
    }).orElseThrow();
  }
}
