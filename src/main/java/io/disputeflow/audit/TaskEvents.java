package io.disputeflow.audit;

import io.disputeflow.audit.CaseHistoryReads.TaskLink;
import io.disputeflow.audit.Event.ProcessRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * Each task's creation (with the candidate groups the model gave it) and its end: completed by whom with
 * the form values submitted, or cancelled and why.
 */
final class TaskEvents {

  /** Candidate groups granted this soon after creation were given by the model, not added later. */
  private static final Duration CREATION_WINDOW = Duration.ofSeconds(5);

  private final CaseHistory history;
  private final CaseTree tree;
  private final UserOperations operations;
  private final Map<String, Map<String, Object>> formValues;

  /** @param formValues the values each completed task's form submitted, by the task's activity instance */
  TaskEvents(CaseHistory history, CaseTree tree, UserOperations operations, Map<String, Map<String, Object>> formValues) {
    this.history = history;
    this.tree = tree;
    this.operations = operations;
    this.formValues = formValues;
  }

  /**
   * The activity instance of each completed task → the operation id of its completion, "" where none was
   * logged: the variable updates of that operation (or, unlogged, after the task began) are its form values.
   */
  static Map<String, String> completedForms(CaseHistory history, UserOperations operations) {
    Map<String, String> forms = new HashMap<>();
    for (HistoricProcessInstance instance : history.instances()) {
      for (HistoricTaskInstance task : history.tasksOf().getOrDefault(instance.getId(), List.of())) {
        if (task.getEndTime() != null && "completed".equals(task.getDeleteReason())) {
          OperationGroup completion = operations.completionOf(task.getId());
          forms.put(task.getActivityInstanceId(), completion == null ? "" : completion.first.getOperationId());
        }
      }
    }
    return forms;
  }

  List<Event> extract() {
    List<Event> events = new ArrayList<>();
    for (HistoricProcessInstance instance : history.instances()) {
      ProcessRef process = tree.process(instance.getId());
      for (HistoricTaskInstance task : history.tasksOf().getOrDefault(instance.getId(), List.of())) {
        TreePath node = tree.nodeOr(task.getActivityInstanceId(), tree.node(instance.getId()).then(1, -2));
        events.add(new Event(task.getStartTime().toInstant(), node.then(1, 0, 0), EntryType.TASK_CREATED,
            "task:" + task.getId() + ":start")
            .in(process).element(task.getTaskDefinitionKey(), task.getName())
            .put("taskId", task.getId())
            .put("candidateGroups", candidates(task)));
        if (task.getEndTime() != null) {
          events.add(ended(task, process, node));
        }
      }
    }
    return events;
  }

  private Event ended(HistoricTaskInstance task, ProcessRef process, TreePath node) {
    boolean completed = "completed".equals(task.getDeleteReason());
    Event ended = new Event(task.getEndTime().toInstant(), node.then(1, 9, 0),
        completed ? EntryType.TASK_COMPLETED : EntryType.TASK_CANCELLED, "task:" + task.getId() + ":end")
        .in(process).element(task.getTaskDefinitionKey(), task.getName())
        .put("taskId", task.getId())
        .put("assignee", task.getAssignee())
        .put("owner", task.getOwner());
    if (!completed) {
      return ended.put("reason", task.getDeleteReason());
    }
    OperationGroup completion = operations.completionOf(task.getId());
    ended.actor(completion != null ? completion.first.getUserId() : task.getAssignee())
        .putNull("formValues", formValues.get(task.getActivityInstanceId()));
    if (completion == null) {
      ended.put("note", "completed without an authenticated user");
    }
    return ended;
  }

  private String candidates(HistoricTaskInstance task) {
    Set<String> addedLater = new HashSet<>();
    operations.all().stream()
        .filter(o -> task.getId().equals(o.first.getTaskId())
            && UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK.equals(o.type))
        .forEach(o -> addedLater.addAll(o.changes().values().stream().map(String::valueOf).toList()));
    Instant creation = task.getStartTime().toInstant().plus(CREATION_WINDOW);
    List<String> groups = new ArrayList<>();
    for (TaskLink link : history.taskLinks().getOrDefault(task.getId(), List.of())) {
      if ("candidate".equals(link.type()) && "add".equals(link.operationType()) && link.groupId() != null
          && !link.time().isAfter(creation) && !addedLater.contains(link.groupId())) {
        groups.add(link.groupId());
      }
    }
    return groups.isEmpty() ? null : String.join(",", groups.stream().sorted().distinct().toList());
  }
}
