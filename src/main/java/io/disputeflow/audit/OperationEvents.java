package io.disputeflow.audit;

import io.disputeflow.audit.Event.ProcessRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * User operations that are not already part of another event: claims, assignments, delegations, retries,
 * edits in Cockpit, and customer actions that reached no message event.
 */
final class OperationEvents {

  private final CaseHistory history;
  private final CaseTree tree;
  private final UserOperations operations;
  private final VariableEvents.Findings variables;
  private final Set<String> unclaimedCorrelations;

  /** @param unclaimedCorrelations operation ids of the correlations no message event claimed */
  OperationEvents(CaseHistory history, CaseTree tree, UserOperations operations, VariableEvents.Findings variables,
      Set<String> unclaimedCorrelations) {
    this.history = history;
    this.tree = tree;
    this.operations = operations;
    this.variables = variables;
    this.unclaimedCorrelations = unclaimedCorrelations;
  }

  List<Event> extract() {
    List<Event> events = new ArrayList<>();
    Map<String, HistoricTaskInstance> tasks = history.tasksById();
    int index = 0;
    for (OperationGroup operation : operations.all()) {
      index++;
      if (!UserOperations.isStandalone(operation) && !(UserOperations.CORRELATE.equals(operation.type)
          && unclaimedCorrelations.contains(operation.first.getOperationId()))) {
        continue;
      }
      UserOperationLogEntry first = operation.first;
      ProcessRef process = tree.process(first.getProcessInstanceId());
      String taskId = first.getTaskId();
      // the operation was logged in an instance of the case, so its task is one of the case's, loaded by root
      HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
      TreePath path = task != null && tree.contains(task.getActivityInstanceId())
          ? tree.node(task.getActivityInstanceId()).then(1, 1, index)
          : tree.nodeOr(first.getProcessInstanceId(), TreePath.of(Long.MAX_VALUE)).then(1, Long.MAX_VALUE - 1, index);
      Event event = new Event(first.getTimestamp().toInstant(), path, type(operation), "operation:" + operation.key())
          .in(process)
          .actor(first.getUserId())
          .put("operation", operation.type)
          .put("entityType", first.getEntityType())
          .put("changes", operation.changes())
          .put("previous", operation.previousValues())
          .put("variables", variables.changedByOperation().get(operation.key()))
          .put("values", UserOperations.CORRELATE.equals(operation.type)
              ? variables.messageValues().get(first.getOperationId()) : null);
      if (task != null) {
        event.element(task.getTaskDefinitionKey(), task.getName()).put("taskId", taskId);
      } else if (first.getJobId() != null && history.jobActivities().containsKey(first.getJobId())) {
        event.element(history.jobActivities().get(first.getJobId()), null).put("jobId", first.getJobId());
      }
      events.add(event);
    }
    return events;
  }

  private static EntryType type(OperationGroup operation) {
    if (UserOperations.CORRELATE.equals(operation.type)) {
      return EntryType.CUSTOMER_ACTION;
    }
    if (operation.first.getTaskId() == null) {
      return EntryType.OPERATION;
    }
    return switch (operation.type) {
      case UserOperationLogEntry.OPERATION_TYPE_CLAIM ->
          operation.property("assignee") == null ? EntryType.TASK_UNCLAIMED : EntryType.TASK_CLAIMED;
      case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> EntryType.TASK_ASSIGNED;
      case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> EntryType.TASK_DELEGATED;
      case UserOperationLogEntry.OPERATION_TYPE_RESOLVE -> EntryType.TASK_RESOLVED;
      default -> EntryType.TASK_UPDATED;
    };
  }
}
