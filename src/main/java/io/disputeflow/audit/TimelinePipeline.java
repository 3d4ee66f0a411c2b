package io.disputeflow.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a case's history into its events: one extractor per source (activities, tasks, decisions,
 * variables, jobs and incidents, user operations, our own records), merged in the order things happened.
 * The variable history goes first: it says which values a form, a message, a step or an operation set,
 * and which letter a step queued. A message event claims the customer action that reached it; the
 * operations left unclaimed are events of their own.
 *
 * <p>Every event is built only from values that no longer change once written, so an event, once in the
 * timeline, keeps its hash for good; what happens later adds events after it.
 */
final class TimelinePipeline {

  private TimelinePipeline() {}

  /** The events of the case in the order they happened. */
  static List<Event> events(CaseHistory history) {
    CaseTree tree = CaseTree.of(history);
    UserOperations operations = new UserOperations(history.operations());
    VariableEvents variableEvents = new VariableEvents(history, tree, operations,
        TaskEvents.completedForms(history, operations));
    List<Event> events = new ArrayList<>(variableEvents.extract());
    VariableEvents.Findings variables = variableEvents.findings();
    events.addAll(new TaskEvents(history, tree, operations, variables.formValues()).extract());
    events.addAll(new DecisionEvents(history, tree).extract());
    ActivityEvents activityEvents = new ActivityEvents(history, tree, operations, variables);
    events.addAll(activityEvents.extract());
    events.addAll(new JobEvents(history, tree).extract());
    events.addAll(new OperationEvents(history, tree, operations, variables, activityEvents.unclaimedCorrelations())
        .extract());
    events.addAll(new RecordEvents(history, tree, operations, variables.letterTypeOfActivity()).extract());
    events.sort(Event.ORDER);
    return events;
  }
}
