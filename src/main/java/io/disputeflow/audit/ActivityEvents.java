package io.disputeflow.audit;

import io.disputeflow.audit.Event.ProcessRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * What the process instances did: each start and end (a top-level instance's end with the case file as it
 * stood), stages entered and left (call activities), steps completed or cancelled with the variables they
 * changed, timers fired, messages received (from a customer's action where one reached them), escalations
 * and other events.
 */
final class ActivityEvents {

  private final CaseHistory history;
  private final CaseTree tree;
  private final UserOperations operations;
  private final VariableEvents.Findings variables;
  /** Correlations no message event has claimed yet, by operation id. */
  private final Map<String, OperationGroup> unclaimed;
  private final List<Event> events = new ArrayList<>();

  ActivityEvents(CaseHistory history, CaseTree tree, UserOperations operations, VariableEvents.Findings variables) {
    this.history = history;
    this.tree = tree;
    this.operations = operations;
    this.variables = variables;
    this.unclaimed = new HashMap<>(operations.correlations());
  }

  List<Event> extract() {
    for (HistoricProcessInstance instance : history.instances()) {
      startAndEnd(instance);
      activities(instance);
    }
    return events;
  }

  /** The operation ids of correlations that reached no message event: each is an event of its own. */
  Set<String> unclaimedCorrelations() {
    return unclaimed.keySet();
  }

  private void startAndEnd(HistoricProcessInstance instance) {
    ProcessRef process = tree.process(instance.getId());
    TreePath node = tree.node(instance.getId());
    add(instance.getStartTime().toInstant(), node.then(0), EntryType.PROCESS_STARTED,
        "process:" + instance.getId() + ":start")
        .in(process)
        .element(instance.getStartActivityId(), activityName(instance, instance.getStartActivityId()))
        .actor(operations.creatorOr(instance.getId(), instance.getStartUserId()))
        .put("businessKey", instance.getBusinessKey())
        .put("calledBy", instance.getSuperProcessInstanceId())
        .put("variables", variables.changedByActivity().get(instance.getId()));
    if (instance.getEndTime() == null) {
      return;
    }
    Event ended = add(instance.getEndTime().toInstant(), node.then(2), EntryType.PROCESS_ENDED,
        "process:" + instance.getId() + ":end")
        .in(process)
        .element(instance.getEndActivityId(), activityName(instance, instance.getEndActivityId()))
        .put("state", instance.getState())
        .put("deleteReason", instance.getDeleteReason());
    if (instance.getSuperProcessInstanceId() == null) {
      ended.put("finalVariables", finalVariables(instance));
    }
  }

  /** The case file as it stood when the case ended: the variables of the top-level scope. */
  private Map<String, Object> finalVariables(HistoricProcessInstance instance) {
    Map<String, Object> values = new TreeMap<>();
    for (HistoricVariableInstance variable : history.finalVariablesOf().getOrDefault(instance.getId(), List.of())) {
      if (!Values.BOOKKEEPING.contains(variable.getName())
          && Objects.equals(variable.getActivityInstanceId(), instance.getId())) {
        values.put(variable.getName(), "bytes".equals(variable.getTypeName()) ? "[bytes]"
            : Values.of(variable.getValue()));
      }
    }
    return values;
  }

  private void activities(HistoricProcessInstance instance) {
    ProcessRef process = tree.process(instance.getId());
    for (HistoricActivityInstance activity : history.activitiesOf().get(instance.getId())) {
      String type = activity.getActivityType();
      TreePath node = tree.node(activity.getId());
      String source = "activity:" + activity.getId();
      boolean completed = activity.getEndTime() != null && !activity.isCanceled();
      if ("callActivity".equals(type)) {
        add(activity.getStartTime().toInstant(), node.then(0), EntryType.STAGE_ENTERED, source + ":start")
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("calledProcessInstanceId", activity.getCalledProcessInstanceId());
        if (activity.getEndTime() != null) {
          add(activity.getEndTime().toInstant(), node.then(2), EntryType.STAGE_LEFT, source + ":end")
              .in(process).element(activity.getActivityId(), activity.getActivityName())
              .put("canceled", activity.isCanceled() ? "true" : null);
        }
      } else if (ActivityKinds.STEPS.contains(type) && activity.getEndTime() != null) {
        add(activity.getEndTime().toInstant(), node.then(2),
            activity.isCanceled() ? EntryType.STEP_CANCELLED : EntryType.STEP_COMPLETED, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type)
            .put("variables", variables.changedByActivity().get(activity.getId()));
      } else if (ActivityKinds.TIMERS.contains(type) && completed) {
        add(activity.getEndTime().toInstant(), node.then(2), EntryType.TIMER_FIRED, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type)
            .put("variables", variables.changedByActivity().get(activity.getId()));
      } else if (ActivityKinds.MESSAGES.contains(type) && completed) {
        messageReceived(activity, process, node);
      } else if (ActivityKinds.ESCALATIONS.contains(type) && !activity.isCanceled()) {
        add(activity.getStartTime().toInstant(), node.then(0), EntryType.ESCALATION, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type);
      } else if (ActivityKinds.OTHER_EVENTS.contains(type) && completed) {
        add(activity.getEndTime().toInstant(), node.then(2), EntryType.EVENT, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type);
      }
    }
  }

  /**
   * A message event that a customer action reached: the correlation is logged in the same instance,
   * at or after the moment the event completed, and is the earliest such one not yet claimed.
   */
  private void messageReceived(HistoricActivityInstance activity, ProcessRef process, TreePath node) {
    OperationGroup correlation = unclaimed.values().stream()
        .filter(c -> activity.getProcessInstanceId().equals(c.first.getProcessInstanceId())
            && !c.first.getTimestamp().before(activity.getEndTime()))
        .min(Comparator.comparing((OperationGroup c) -> c.first.getTimestamp()).thenComparing(OperationGroup::key))
        .orElse(null);
    Event event = add(activity.getEndTime().toInstant(), node.then(2),
        correlation == null ? EntryType.MESSAGE_RECEIVED : EntryType.CUSTOMER_ACTION, "activity:" + activity.getId())
        .in(process).element(activity.getActivityId(), activity.getActivityName());
    if (correlation != null) {
      unclaimed.remove(correlation.first.getOperationId());
      event.actor(correlation.first.getUserId())
          .put("message", correlation.property("messageName"))
          .putNull("values", variables.messageValues().getOrDefault(correlation.first.getOperationId(), Map.of()));
    }
  }

  private String activityName(HistoricProcessInstance instance, String activityId) {
    if (activityId == null) {
      return null;
    }
    return history.activitiesOf().get(instance.getId()).stream().filter(a -> activityId.equals(a.getActivityId()))
        .map(HistoricActivityInstance::getActivityName).filter(Objects::nonNull).findFirst()
        .orElseGet(() -> history.definitions().elementName(instance.getProcessDefinitionId(), activityId));
  }

  private Event add(Instant time, TreePath path, EntryType type, String source) {
    Event event = new Event(time, path, type, source);
    events.add(event);
    return event;
  }
}
