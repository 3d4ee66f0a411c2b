package io.disputeflow.audit;

import static io.disputeflow.audit.TimelineFixture.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each extractor of the timeline on the hand-made case of {@link TimelineFixture}, without an engine. */
class TimelineExtractorTests {

  private final CaseHistory history = TimelineFixture.handledCase().history();
  private final CaseTree tree = CaseTree.of(history);
  private final UserOperations operations = new UserOperations(history.operations());
  private final VariableEvents.Findings variables = variables();

  private VariableEvents.Findings variables() {
    VariableEvents extractor =
        new VariableEvents(history, tree, operations, TaskEvents.completedForms(history, operations));
    extractor.extract();
    return extractor.findings();
  }

  private static Event only(List<Event> events, EntryType type) {
    List<Event> found = events.stream().filter(e -> e.type == type).toList();
    assertThat(found).as("events of type %s", type).hasSize(1);
    return found.get(0);
  }

  @Nested
  class Tasks {

    private final List<Event> events = new TaskEvents(history, tree, operations, variables.formValues()).extract();

    @Test
    void shouldRecordTheTaskWithTheGroupsTheModelGaveIt() {
      Event created = only(events, EntryType.TASK_CREATED);
      assertThat(created.time).isEqualTo(instant("10:00:01"));
      assertThat(created.details).containsEntry("taskId", "t1").containsEntry("candidateGroups", "investigators");
      assertThat(created.elementId).isEqualTo("investigate");
      assertThat(created.path).isEqualTo(tree.node("a3").then(1, 0, 0));
    }

    @Test
    void shouldRecordWhoCompletedTheTaskAndWhatTheFormSubmitted() {
      Event completed = only(events, EntryType.TASK_COMPLETED);
      assertThat(completed.actor).isEqualTo("ivan");
      assertThat(completed.details).containsEntry("formValues", Map.of("findings", "Fee charged twice"))
          .containsEntry("assignee", "ivan").doesNotContainKey("note");
    }
  }

  @Nested
  class Decisions {

    @Test
    void shouldRecordTheTableItsVersionInputsAndOutputsAtTheStepThatEvaluatedIt() {
      Event decision = only(new DecisionEvents(history, tree).extract(), EntryType.DECISION_EVALUATED);
      assertThat(decision.details).containsEntry("decision", "classify").containsEntry("decisionVersion", "4")
          .containsEntry("inputs", Map.of("Product", "CREDIT_CARD"))
          .containsEntry("outputs", Map.of("category", "BILLING"));
      assertThat(decision.elementName).isEqualTo("Classify");
      assertThat(decision.path).isEqualTo(tree.node("a2").then(1, 5, 0));
    }
  }

  @Nested
  class Activities {

    private final ActivityEvents extractor = new ActivityEvents(history, tree, operations, variables);
    private final List<Event> events = extractor.extract();

    @Test
    void shouldRecordWhoStartedTheCaseWithTheValuesItStartedWithAndTheCaseFileAtItsEnd() {
      Event started = events.stream().filter(e -> e.type == EntryType.PROCESS_STARTED && "p1".equals(e.processInstanceId))
          .findFirst().orElseThrow();
      assertThat(started.actor).isEqualTo("intake");
      assertThat(started.elementName).isEqualTo("Complaint received");
      assertThat(started.details).containsEntry("businessKey", "CMP-1").containsKey("variables");
      Event ended = events.stream().filter(e -> e.type == EntryType.PROCESS_ENDED && "p1".equals(e.processInstanceId))
          .findFirst().orElseThrow();
      assertThat(ended.details).containsEntry("finalVariables", Map.of("category", "BILLING"));
      Event childEnded = events.stream().filter(e -> e.type == EntryType.PROCESS_ENDED && "p2".equals(e.processInstanceId))
          .findFirst().orElseThrow();
      assertThat(childEnded.details).doesNotContainKey("finalVariables");
      assertThat(childEnded.elementName).as("from the model: the history has no such activity").isEqualTo("Name of reviewed");
    }

    @Test
    void shouldRecordTheStageStepsAndTheCustomersAnswerThatReachedTheMessageEvent() {
      assertThat(only(events, EntryType.STAGE_ENTERED).details).containsEntry("calledProcessInstanceId", "p2");
      assertThat(only(events, EntryType.STAGE_LEFT).time).isEqualTo(instant("10:45:00"));
      assertThat(events.stream().filter(e -> e.type == EntryType.STEP_COMPLETED).map(e -> e.elementId))
          .containsExactlyInAnyOrder("classify", "queueLetter", "notifyDepartment");
      Event answer = only(events, EntryType.CUSTOMER_ACTION);
      assertThat(answer.actor).isEqualTo("customer");
      assertThat(answer.details).containsEntry("message", "customerAnswer")
          .containsEntry("values", Map.of("customerAnswer", "I want a refund"));
      assertThat(extractor.unclaimedCorrelations()).isEmpty();
    }
  }

  @Nested
  class JobsAndIncidents {

    private final List<Event> events = new JobEvents(history, tree).extract();

    @Test
    void shouldRecordTheFailureTheSuccessAfterItAndTheIncidentResolved() {
      Event failed = only(events, EntryType.JOB_FAILED);
      assertThat(failed.details).containsEntry("exception", "Mail server down").containsEntry("retriesBefore", "3");
      assertThat(failed.elementName).isEqualTo("Name of notifyDepartment");
      assertThat(only(events, EntryType.JOB_SUCCEEDED).details).containsEntry("afterFailures", "1");
      assertThat(only(events, EntryType.INCIDENT_CREATED).details).containsEntry("jobId", "j1");
      assertThat(only(events, EntryType.INCIDENT_RESOLVED).time).isEqualTo(instant("10:44:00"));
    }
  }

  @Nested
  class Operations {

    @Test
    void shouldRecordTheClaimAtItsTaskAndTheRetriesAtTheirJobWithTheValuesTheySet() {
      List<Event> events = new OperationEvents(history, tree, operations, variables, Set.of()).extract();
      assertThat(events).extracting(e -> e.type)
          .containsExactlyInAnyOrder(EntryType.TASK_CLAIMED, EntryType.OPERATION, EntryType.OPERATION);
      Event claim = only(events, EntryType.TASK_CLAIMED);
      assertThat(claim.actor).isEqualTo("ivan");
      assertThat(claim.details).containsEntry("changes", Map.of("assignee", "ivan")).containsEntry("taskId", "t1");
      assertThat(claim.path).isEqualTo(tree.node("a3").then(1, 1, 2));
      Event retries = events.stream().filter(e -> "olga".equals(e.actor)).findFirst().orElseThrow();
      assertThat(retries.elementId).isEqualTo("notifyDepartment");
      assertThat(retries.details).containsEntry("jobId", "j1").containsEntry("variables", Map.of("notified", "false"));
    }

    @Test
    void shouldRecordACustomersActionThatReachedNoMessageEventAsAnEventOfItsOwn() {
      List<Event> events = new OperationEvents(history, tree, operations, variables, Set.of("op-answer")).extract();
      assertThat(only(events, EntryType.CUSTOMER_ACTION).details)
          .containsEntry("values", Map.of("customerAnswer", "I want a refund"));
    }
  }

  @Nested
  class Records {

    private final List<Event> events =
        new RecordEvents(history, tree, operations, variables.letterTypeOfActivity()).extract();

    @Test
    void shouldRecordTheComplaintAsReceivedByWhoeverStartedItsProcess() {
      Event received = only(events, EntryType.COMPLAINT_RECEIVED);
      assertThat(received.actor).isEqualTo("intake");
      assertThat(received.details).containsEntry("disputedAmount", "120.50").containsEntry("inquiryOnly", "false");
      assertThat(received.path).isEqualTo(TreePath.of(-1));
    }

    @Test
    void shouldPutTheLetterInTheStepThatQueuedItAndRecordItsSending() {
      Event queued = only(events, EntryType.LETTER_QUEUED);
      assertThat(queued.elementId).isEqualTo("queueLetter");
      assertThat(queued.path).isEqualTo(tree.node("a6").then(1, 7, 0));
      assertThat(only(events, EntryType.LETTER_SENT).details).containsEntry("messageId", "<m1@bank>");
      assertThat(only(events, EntryType.EXTENSION_REQUESTED).actor).isEqualTo("ivan");
    }
  }

  @Test
  void shouldMergeEveryExtractorsEventsInTheOrderThingsHappened() {
    List<Event> events = TimelinePipeline.events(history);
    assertThat(events).isSortedAccordingTo(Event.ORDER);
    assertThat(events.get(0).type).isEqualTo(EntryType.COMPLAINT_RECEIVED);
    assertThat(events).extracting(e -> e.source).doesNotHaveDuplicates();
    List<EntryType> atTen = events.stream().filter(e -> e.time.equals(instant("10:00:00"))).map(e -> e.type).toList();
    assertThat(atTen).as("one transaction's events in the order of the case's tree").containsExactly(
        EntryType.PROCESS_STARTED, EntryType.DECISION_EVALUATED, EntryType.STEP_COMPLETED, EntryType.DEADLINE_SET);
    assertThat(events).extracting(e -> e.type).contains(EntryType.TASK_COMPLETED, EntryType.CUSTOMER_ACTION,
        EntryType.JOB_FAILED, EntryType.VARIABLE_CHANGED, EntryType.LETTER_SENT, EntryType.PROCESS_ENDED);
    assertThat(variables.formValues()).containsOnly(entry("a3", Map.of("findings", "Fee charged twice")));
  }
}
