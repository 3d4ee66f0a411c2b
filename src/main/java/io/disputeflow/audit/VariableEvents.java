package io.disputeflow.audit;

import io.disputeflow.audit.Event.ProcessRef;
import io.disputeflow.engine.HistoryRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * Reads the variable history of the whole case in order. Form values go to the task completion that
 * submitted them, message values to the customer action; other values count only where they change what
 * the case knew (a call activity copying variables in and out changes nothing). A change goes to the step,
 * timer or process start that made it, to the user operation that made it, or else is an event of its own;
 * a date variable named like a deadline is also a deadline set or changed.
 */
final class VariableEvents {

  /** A date variable with such a name is a deadline: set, extended or brought forward. */
  private static final Pattern DEADLINE = Pattern.compile(".*(DueAt|Deadline)$");

  /** What the variable history says about other events, by the activity instance or operation they belong to. */
  record Findings(
      Map<String, Map<String, Object>> formValues,
      Map<String, Map<String, Object>> messageValues,
      Map<String, Map<String, Object>> changedByActivity,
      Map<String, Map<String, Object>> changedByOperation,
      Map<String, String> letterTypeOfActivity) {}

  private final CaseHistory history;
  private final CaseTree tree;
  private final UserOperations operations;
  /** Activity instance of a completed task → operation id of its completion ("" when unauthenticated). */
  private final Map<String, String> formOperation;
  private final Findings findings = new Findings(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
      new HashMap<>());
  private final List<Event> events = new ArrayList<>();

  VariableEvents(CaseHistory history, CaseTree tree, UserOperations operations, Map<String, String> formOperation) {
    this.history = history;
    this.tree = tree;
    this.operations = operations;
    this.formOperation = formOperation;
    formOperation.keySet().forEach(activityInstanceId -> findings.formValues().put(activityInstanceId, new TreeMap<>()));
  }

  Findings findings() {
    return findings;
  }

  List<Event> extract() {
    List<HistoricVariableUpdate> updates = new ArrayList<>(history.variableUpdates());
    updates.sort(Comparator.comparing(HistoricDetail::getTime)
        .thenComparing(this::detailPath)
        .thenComparingLong(HistoryRows::sequenceCounter)
        .thenComparing(HistoricDetail::getId));
    Map<String, Object> known = new HashMap<>();
    int index = 0;
    for (HistoricVariableUpdate update : updates) {
      String name = update.getVariableName();
      Object value = Values.of(update);
      String activityId = update.getActivityInstanceId();
      HistoricActivityInstance activity = activityId == null ? null : tree.activity(activityId);
      boolean consumed = false;
      if (activity != null && formOperation.containsKey(activityId)) {
        String completion = formOperation.get(activityId);
        if (completion.isEmpty()
            ? update.getTime().after(activity.getStartTime())
            : completion.equals(update.getUserOperationId())) {
          findings.formValues().get(activityId).put(name, value);
          consumed = true;
        }
      } else if (isMessageValue(update)) {
        findings.messageValues().computeIfAbsent(update.getUserOperationId(), k -> new TreeMap<>()).put(name, value);
        consumed = true;
      }
      if (activity != null && "letterType".equals(name) && value != null) {
        findings.letterTypeOfActivity().put(activityId, value.toString());
      }
      boolean changed = known.containsKey(name) ? !Objects.equals(known.get(name), value) : value != null;
      Object previous = known.put(name, value);
      if (!changed) {
        continue;
      }
      index++;
      ProcessRef process = tree.process(update.getProcessInstanceId());
      if (value instanceof Instant due && DEADLINE.matcher(name).matches()) {
        deadline(update, name, due, previous, process, activity, index);
      }
      if (consumed) {
        continue;
      }
      OperationGroup operation = update.getUserOperationId() == null ? null
          : operations.standalone(update.getUserOperationId());
      if (activity != null && (ActivityKinds.STEPS.contains(activity.getActivityType())
          || ActivityKinds.TIMERS.contains(activity.getActivityType()))) {
        findings.changedByActivity().computeIfAbsent(activityId, k -> new TreeMap<>()).put(name, value);
      } else if (activityId != null && activityId.equals(update.getProcessInstanceId())) {
        findings.changedByActivity().computeIfAbsent(activityId, k -> new TreeMap<>()).put(name, value);
      } else if (operation != null) {
        findings.changedByOperation().computeIfAbsent(operation.key(), k -> new TreeMap<>()).put(name, value);
      } else {
        events.add(new Event(update.getTime().toInstant(), detailPath(update).then(index), EntryType.VARIABLE_CHANGED,
            "detail:" + update.getId())
            .in(process)
            .element(activity == null ? null : activity.getActivityId(), activity == null ? null : activity.getActivityName())
            .put("variable", name)
            .putNull("value", value)
            .put("previous", previous));
      }
    }
    return events;
  }

  /** A value the customer's message brought: named by the correlation, set in the instance it reached. */
  private boolean isMessageValue(HistoricVariableUpdate update) {
    OperationGroup correlation = update.getUserOperationId() == null ? null
        : operations.correlations().get(update.getUserOperationId());
    if (correlation == null || !update.getProcessInstanceId().equals(correlation.first.getProcessInstanceId())) {
      return false;
    }
    String names = correlation.property("variables");
    Map<String, Object> taken = findings.messageValues().getOrDefault(update.getUserOperationId(), Map.of());
    return names != null && List.of(names.split(",")).contains(update.getVariableName())
        && !taken.containsKey(update.getVariableName());
  }

  private void deadline(HistoricVariableUpdate update, String name, Instant due, Object previous, ProcessRef process,
      HistoricActivityInstance activity, int index) {
    Event event = new Event(update.getTime().toInstant(), detailPath(update).then(index),
        previous instanceof Instant ? EntryType.DEADLINE_CHANGED : EntryType.DEADLINE_SET, "deadline:" + update.getId())
        .in(process)
        .element(activity == null ? null : activity.getActivityId(), activity == null ? null : activity.getActivityName())
        .put("deadline", name)
        .put("dueAt", due);
    if (previous instanceof Instant before) {
      event.put("previousDueAt", before).put("change", due.isAfter(before) ? "EXTENDED" : "BROUGHT_FORWARD");
    }
    if (update.getUserOperationId() != null) {
      OperationGroup operation = operations.first(update.getUserOperationId());
      if (operation != null) {
        event.actor(operation.first.getUserId());
      }
    }
    events.add(event);
  }

  private TreePath detailPath(HistoricDetail detail) {
    TreePath node = detail.getActivityInstanceId() == null ? null : tree.node(detail.getActivityInstanceId());
    if (node != null) {
      return node.then(1, 6);
    }
    return tree.node(detail.getProcessInstanceId()).then(1, -1);
  }
}
