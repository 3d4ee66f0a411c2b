package io.disputeflow.audit;

import io.disputeflow.audit.CaseHistoryReads.PerInstance;
import io.disputeflow.audit.CaseHistoryReads.TaskLink;
import io.disputeflow.audit.Event.ProcessRef;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.correspondence.Letter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads everything the engine and our tables recorded about one case and turns it into events:
 * every process instance with the complaint number as business key (and any instance they called),
 * their activities, tasks and who worked them (user operation log), form values and other variable
 * changes (variable history), DMN decisions with inputs and outputs, deadlines, customer messages,
 * letters, merged submissions, incidents and job failures.
 *
 * <p>Every event is built only from values that no longer change once written, so an event, once
 * in the timeline, keeps its hash for good; what happens later adds events after it.
 */
final class LegacyTimelineAssembler {

  /** A date variable with such a name is a deadline: set, extended or brought forward. */
  private static final Pattern DEADLINE = Pattern.compile(".*(DueAt|Deadline)$");
  /** Candidate groups granted this soon after creation were given by the model, not added later. */
  private static final Duration CREATION_WINDOW = Duration.ofSeconds(5);

  private static final Set<String> STEPS =
      Set.of("serviceTask", "sendTask", "scriptTask", "businessRuleTask", "task", "manualTask");
  private static final Set<String> TIMERS = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");
  private static final Set<String> MESSAGES =
      Set.of("intermediateMessageCatch", "boundaryMessage", "messageStartEvent", "receiveTask");
  private static final Set<String> ESCALATIONS = Set.of("boundaryEscalation", "intermediateEscalationThrowEvent",
      "escalationEndEvent", "escalationStartEvent");
  private static final Set<String> OTHER_EVENTS = Set.of("boundaryError", "errorEndEvent", "errorStartEvent",
      "boundarySignal", "intermediateSignalCatch", "intermediateSignalThrow", "signalEndEvent", "signalStartEvent",
      "boundaryConditional", "intermediateConditional", "conditionalStartEvent", "boundaryCompensation",
      "intermediateCompensationThrowEvent", "compensationEndEvent", "terminateEndEvent", "cancelEndEvent",
      "boundaryCancel", "intermediateNoneThrowEvent", "intermediateLinkCatch");

  private static final String COMPLETE = UserOperationLogEntry.OPERATION_TYPE_COMPLETE;
  private static final String CORRELATE = UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE;

  private final HistoryService history;
  private final CaseHistoryReads reads;
  private final RepositoryService repository;
  private final ComplaintRecord complaint;
  private final CaseRecords records;

  private final List<Event> events = new ArrayList<>();
  private final List<HistoricProcessInstance> instances = new ArrayList<>();
  private final Map<String, ProcessRef> processes = new HashMap<>();
  private final Map<String, TreePath> nodes = new HashMap<>();
  private final Map<String, HistoricActivityInstance> activities = new HashMap<>();
  private final Map<String, List<HistoricActivityInstance>> activitiesOf = new HashMap<>();
  private final Map<String, List<HistoricTaskInstance>> tasksOf = new HashMap<>();
  private final Map<String, HistoricTaskInstance> tasksById = new HashMap<>();
  private Map<String, List<TaskLink>> taskLinks = Map.of();
  private Map<PerInstance, Set<String>> instancesWithRows = Map.of();
  private final Map<String, BpmnModelInstance> models = new HashMap<>();
  private final Map<String, Integer> decisionVersions = new HashMap<>();

  private final Map<String, OperationGroup> operations = new LinkedHashMap<>();
  /** Task id → its Complete operation; activity instance of a message event → the correlation. */
  private final Map<String, OperationGroup> completions = new HashMap<>();
  private final Map<String, OperationGroup> correlationsByOperationId = new HashMap<>();
  private final Map<String, String> processCreators = new HashMap<>();

  /** Values collected per event while the variable history is read in order. */
  private final Map<String, Map<String, Object>> formValues = new HashMap<>();
  /** Activity instance of a completed task → operation id of its completion ("" when unauthenticated). */
  private final Map<String, String> formOperation = new HashMap<>();
  /** Operation id of a correlation → the values its message set. */
  private final Map<String, Map<String, Object>> messageValues = new HashMap<>();
  private final Map<String, Map<String, Object>> changedByActivity = new HashMap<>();
  private final Map<String, Map<String, Object>> changedByOperation = new HashMap<>();
  private final Map<String, String> letterTypeOfActivity = new HashMap<>();

  LegacyTimelineAssembler(HistoryService history, CaseHistoryReads reads, RepositoryService repository,
      ComplaintRecord complaint, CaseRecords records) {
    this.history = history;
    this.reads = reads;
    this.repository = repository;
    this.complaint = complaint;
    this.records = records;
  }

  /** The events of the case in the order they happened. */
  List<Event> assemble() {
    loadInstances();
    placeInstances();
    loadOperations();
    complaintReceived();
    for (HistoricProcessInstance instance : instances) {
      tasks(instance);
      decisions(instance);
    }
    variables();
    for (HistoricProcessInstance instance : instances) {
      processStartAndEnd(instance);
      activityEvents(instance);
      jobs(instance);
      incidents(instance);
    }
    operationEvents();
    letters();
    events.addAll(records.events());
    events.sort(Event.ORDER);
    return events;
  }

  /**
   * Every instance with the case's business key, and whatever they called even without it: the whole
   * tree under their root instance, by ROOT_PROC_INST_ID_, which the engine indexes (its
   * SUPER_PROCESS_INSTANCE_ID_ is not, a full scan of the history per call level).
   */
  private void loadInstances() {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(complaint.complaintNumber()).list()
        .forEach(instance -> found.put(instance.getId(), instance));
    Set<String> roots = new LinkedHashSet<>();
    found.values().forEach(instance -> roots.add(instance.getRootProcessInstanceId()));
    Map<String, List<HistoricActivityInstance>> activitiesByInstance = new HashMap<>();
    for (String root : roots) {
      history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list()
          .forEach(called -> found.putIfAbsent(called.getId(), called));
      reads.activities(root).forEach(activity -> activitiesByInstance
          .computeIfAbsent(activity.getProcessInstanceId(), k -> new ArrayList<>()).add(activity));
      history.createHistoricTaskInstanceQuery().rootProcessInstanceId(root).list().forEach(task -> {
        tasksOf.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(task);
        tasksById.put(task.getId(), task);
      });
    }
    instances.addAll(found.values());
    instances.sort(Comparator.comparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId));
    for (HistoricProcessInstance instance : instances) {
      processes.put(instance.getId(), new ProcessRef(instance.getProcessDefinitionKey(),
          instance.getProcessDefinitionVersion(), instance.getId()));
      List<HistoricActivityInstance> list = activitiesByInstance.getOrDefault(instance.getId(), new ArrayList<>());
      list.sort(Comparator.comparingLong(LegacyTimelineAssembler::sequenceCounter)
          .thenComparing(HistoricActivityInstance::getStartTime)
          .thenComparing(HistoricActivityInstance::getId));
      activitiesOf.put(instance.getId(), list);
      list.forEach(activity -> activities.put(activity.getId(), activity));
    }
    instancesWithRows = reads.instancesWithRows(processes.keySet());
    taskLinks = reads.taskLinks(tasksById.keySet());
  }

  private boolean hasRows(PerInstance kind, HistoricProcessInstance instance) {
    return instancesWithRows.get(kind).contains(instance.getId());
  }

  /** Gives each instance and activity instance its place: called instances sit inside their call activity. */
  private void placeInstances() {
    Map<String, String> callers = new HashMap<>();
    activities.values().stream().filter(a -> a.getCalledProcessInstanceId() != null)
        .forEach(a -> callers.put(a.getCalledProcessInstanceId(), a.getId()));
    long roots = 0;
    for (HistoricProcessInstance instance : instances) {
      if (!callers.containsKey(instance.getId())) {
        place(instance, TreePath.of(roots++));
      }
    }
  }

  private void place(HistoricProcessInstance instance, TreePath node) {
    nodes.put(instance.getId(), node);
    List<HistoricActivityInstance> list = activitiesOf.get(instance.getId());
    for (int i = 0; i < list.size(); i++) {
      placeActivity(list.get(i), i, instance.getId());
    }
    for (HistoricActivityInstance activity : list) {
      if (activity.getCalledProcessInstanceId() != null) {
        instances.stream().filter(i -> i.getId().equals(activity.getCalledProcessInstanceId())).findFirst()
            .ifPresent(called -> place(called, nodes.get(activity.getId()).then(1, 1000)));
      }
    }
  }

  private TreePath placeActivity(HistoricActivityInstance activity, int ordinal, String processInstanceId) {
    TreePath known = nodes.get(activity.getId());
    if (known != null) {
      return known;
    }
    String parentId = activity.getParentActivityInstanceId();
    TreePath parent = parentId == null || parentId.equals(processInstanceId) || !activities.containsKey(parentId)
        ? nodes.get(processInstanceId)
        : placeActivity(activities.get(parentId), activitiesOf.get(processInstanceId).indexOf(activities.get(parentId)),
            processInstanceId);
    TreePath node = parent.then(1, ordinal);
    nodes.put(activity.getId(), node);
    return node;
  }

  private void loadOperations() {
    List<UserOperationLogEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      if (hasRows(PerInstance.OPERATIONS, instance)) {
        entries.addAll(history.createUserOperationLogQuery().processInstanceId(instance.getId()).list());
      }
    }
    entries.sort(Comparator.comparing(UserOperationLogEntry::getTimestamp).thenComparing(UserOperationLogEntry::getId));
    for (UserOperationLogEntry entry : entries) {
      String key = entry.getOperationId() + "|" + entry.getEntityType() + "|" + entry.getOperationType();
      operations.computeIfAbsent(key, k -> new OperationGroup(entry)).add(entry);
    }
    for (OperationGroup operation : operations.values()) {
      if (COMPLETE.equals(operation.type) && operation.first.getTaskId() != null) {
        completions.put(operation.first.getTaskId(), operation);
      } else if (CORRELATE.equals(operation.type)) {
        correlationsByOperationId.put(operation.first.getOperationId(), operation);
      } else if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation.type)
          && EntityTypes.PROCESS_INSTANCE.equals(operation.first.getEntityType())) {
        processCreators.putIfAbsent(operation.first.getProcessInstanceId(), operation.first.getUserId());
      }
    }
  }

  private void complaintReceived() {
    HistoricProcessInstance root = instances.stream().filter(i -> i.getSuperProcessInstanceId() == null)
        .findFirst().orElse(null);
    Event event = add(complaint.receivedAt().toInstant(), TreePath.of(-1), EntryType.COMPLAINT_RECEIVED,
        "complaint:" + complaint.complaintNumber())
        .put("complaintNumber", complaint.complaintNumber())
        .put("channel", complaint.channel().name())
        .put("externalReference", complaint.externalReference())
        .put("customerId", complaint.customerId())
        .put("customerName", complaint.customerName())
        .put("product", complaint.product().name())
        .put("issue", complaint.issue())
        .put("narrative", complaint.narrative())
        .put("disputedAmount", Values.of(complaint.disputedAmount()))
        .put("disputedCurrency", complaint.disputedCurrency())
        .put("inquiryOnly", Boolean.toString(complaint.inquiryOnly()));
    if (root != null) {
      event.actor(processCreators.getOrDefault(root.getId(), root.getStartUserId()));
    }
  }

  private void processStartAndEnd(HistoricProcessInstance instance) {
    ProcessRef process = processes.get(instance.getId());
    TreePath node = nodes.get(instance.getId());
    add(instance.getStartTime().toInstant(), node.then(0), EntryType.PROCESS_STARTED,
        "process:" + instance.getId() + ":start")
        .in(process)
        .element(instance.getStartActivityId(), activityName(instance, instance.getStartActivityId()))
        .actor(processCreators.getOrDefault(instance.getId(), instance.getStartUserId()))
        .put("businessKey", instance.getBusinessKey())
        .put("calledBy", instance.getSuperProcessInstanceId())
        .put("variables", changedByActivity.get(instance.getId()));
    if (instance.getEndTime() != null) {
      Event ended = add(instance.getEndTime().toInstant(), node.then(2), EntryType.PROCESS_ENDED,
          "process:" + instance.getId() + ":end")
          .in(process)
          .element(instance.getEndActivityId(), activityName(instance, instance.getEndActivityId()))
          .put("state", instance.getState())
          .put("deleteReason", instance.getDeleteReason());
      if (instance.getSuperProcessInstanceId() == null) {
        // the case file as it stood when the case ended
        Map<String, Object> finalValues = new TreeMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId()).list()) {
          if (!Values.BOOKKEEPING.contains(variable.getName())
              && Objects.equals(variable.getActivityInstanceId(), instance.getId())) {
            finalValues.put(variable.getName(), "bytes".equals(variable.getTypeName()) ? "[bytes]"
                : Values.of(variable.getValue()));
          }
        }
        ended.put("finalVariables", finalValues);
      }
    }
  }

  private void activityEvents(HistoricProcessInstance instance) {
    ProcessRef process = processes.get(instance.getId());
    for (HistoricActivityInstance activity : activitiesOf.get(instance.getId())) {
      String type = activity.getActivityType();
      TreePath node = nodes.get(activity.getId());
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
      } else if (STEPS.contains(type) && activity.getEndTime() != null) {
        add(activity.getEndTime().toInstant(), node.then(2),
            activity.isCanceled() ? EntryType.STEP_CANCELLED : EntryType.STEP_COMPLETED, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type)
            .put("variables", changedByActivity.get(activity.getId()));
      } else if (TIMERS.contains(type) && completed) {
        add(activity.getEndTime().toInstant(), node.then(2), EntryType.TIMER_FIRED, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type)
            .put("variables", changedByActivity.get(activity.getId()));
      } else if (MESSAGES.contains(type) && completed) {
        messageEvent(activity, process, node);
      } else if (ESCALATIONS.contains(type) && !activity.isCanceled()) {
        add(activity.getStartTime().toInstant(), node.then(0), EntryType.ESCALATION, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type);
      } else if (OTHER_EVENTS.contains(type) && completed) {
        add(activity.getEndTime().toInstant(), node.then(2), EntryType.EVENT, source)
            .in(process).element(activity.getActivityId(), activity.getActivityName())
            .put("activityType", type);
      }
    }
  }

  /**
   * A message event that a customer action reached: the correlation is logged in the same instance,
   * at or after the moment the event completed, and is the earliest such one not yet matched.
   */
  private void messageEvent(HistoricActivityInstance activity, ProcessRef process, TreePath node) {
    OperationGroup correlation = correlationsByOperationId.values().stream()
        .filter(c -> activity.getProcessInstanceId().equals(c.first.getProcessInstanceId())
            && !c.first.getTimestamp().before(activity.getEndTime()))
        .min(Comparator.comparing((OperationGroup c) -> c.first.getTimestamp()).thenComparing(OperationGroup::key))
        .orElse(null);
    Event event = add(activity.getEndTime().toInstant(), node.then(2),
        correlation == null ? EntryType.MESSAGE_RECEIVED : EntryType.CUSTOMER_ACTION, "activity:" + activity.getId())
        .in(process).element(activity.getActivityId(), activity.getActivityName());
    if (correlation != null) {
      correlationsByOperationId.remove(correlation.first.getOperationId());
      event.actor(correlation.first.getUserId())
          .put("message", correlation.property("messageName"))
          .putNull("values", messageValues.getOrDefault(correlation.first.getOperationId(), Map.of()));
    }
  }

  private void tasks(HistoricProcessInstance instance) {
    ProcessRef process = processes.get(instance.getId());
    for (HistoricTaskInstance task : tasksOf.getOrDefault(instance.getId(), List.of())) {
      TreePath node = nodes.getOrDefault(task.getActivityInstanceId(), nodes.get(instance.getId()).then(1, -2));
      add(task.getStartTime().toInstant(), node.then(1, 0, 0), EntryType.TASK_CREATED, "task:" + task.getId() + ":start")
          .in(process).element(task.getTaskDefinitionKey(), task.getName())
          .put("taskId", task.getId())
          .put("candidateGroups", candidates(task));
      if (task.getEndTime() != null) {
        OperationGroup completion = completions.get(task.getId());
        boolean completed = "completed".equals(task.getDeleteReason());
        Event ended = add(task.getEndTime().toInstant(), node.then(1, 9, 0),
            completed ? EntryType.TASK_COMPLETED : EntryType.TASK_CANCELLED, "task:" + task.getId() + ":end")
            .in(process).element(task.getTaskDefinitionKey(), task.getName())
            .put("taskId", task.getId())
            .put("assignee", task.getAssignee())
            .put("owner", task.getOwner());
        if (completed) {
          ended.actor(completion != null ? completion.first.getUserId() : task.getAssignee());
          // filled in once the variable history has been read
          formValues.put(task.getActivityInstanceId(), new TreeMap<>());
          formOperation.put(task.getActivityInstanceId(), completion == null ? "" : completion.first.getOperationId());
          ended.putNull("formValues", formValues.get(task.getActivityInstanceId()));
          if (completion == null) {
            ended.put("note", "completed without an authenticated user");
          }
        } else {
          ended.put("reason", task.getDeleteReason());
        }
      }
    }
  }

  private String candidates(HistoricTaskInstance task) {
    Set<String> addedLater = new HashSet<>();
    operations.values().stream()
        .filter(o -> task.getId().equals(o.first.getTaskId())
            && UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK.equals(o.type))
        .forEach(o -> addedLater.addAll(o.changes().values().stream().map(String::valueOf).toList()));
    Instant creation = task.getStartTime().toInstant().plus(CREATION_WINDOW);
    List<String> groups = new ArrayList<>();
    for (TaskLink link : taskLinks.getOrDefault(task.getId(), List.of())) {
      if ("candidate".equals(link.type()) && "add".equals(link.operationType()) && link.groupId() != null
          && !link.time().isAfter(creation) && !addedLater.contains(link.groupId())) {
        groups.add(link.groupId());
      }
    }
    return groups.isEmpty() ? null : String.join(",", groups.stream().sorted().distinct().toList());
  }

  private void decisions(HistoricProcessInstance instance) {
    if (!hasRows(PerInstance.DECISIONS, instance)) {
      return;
    }
    ProcessRef process = processes.get(instance.getId());
    List<HistoricDecisionInstance> list = new ArrayList<>(history.createHistoricDecisionInstanceQuery()
        .processInstanceId(instance.getId()).includeInputs().includeOutputs().list());
    list.sort(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime).thenComparing(HistoricDecisionInstance::getId));
    Map<String, String> keys = new HashMap<>();
    list.forEach(d -> keys.put(d.getId(), d.getDecisionDefinitionKey()));
    for (int i = 0; i < list.size(); i++) {
      HistoricDecisionInstance decision = list.get(i);
      HistoricActivityInstance activity = activities.get(decision.getActivityInstanceId());
      TreePath node = activity == null ? nodes.get(instance.getId()).then(1, -1) : nodes.get(activity.getId());
      Map<String, Object> inputs = new TreeMap<>();
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        inputs.put(input.getClauseName() != null ? input.getClauseName() : input.getClauseId(),
            Values.of(input.getValue()));
      }
      Map<String, Object> outputs = new TreeMap<>();
      Set<Integer> rules = new java.util.TreeSet<>();
      decision.getOutputs().forEach(output -> rules.add(output.getRuleOrder()));
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        String name = output.getVariableName() != null ? output.getVariableName() : output.getClauseId();
        outputs.put(rules.size() > 1 ? "rule" + output.getRuleOrder() + "." + name : name, Values.of(output.getValue()));
      }
      add(decision.getEvaluationTime().toInstant(), node.then(1, 5, i), EntryType.DECISION_EVALUATED,
          "decision:" + decision.getId())
          .in(process)
          .element(decision.getActivityId(), activity == null ? null : activity.getActivityName())
          .actor(decision.getUserId())
          .put("decision", decision.getDecisionDefinitionKey())
          .put("decisionName", decision.getDecisionDefinitionName())
          .put("decisionVersion", decisionVersion(decision.getDecisionDefinitionId()))
          .put("requiredBy", decision.getRootDecisionInstanceId() == null ? null
              : keys.get(decision.getRootDecisionInstanceId()))
          .putNull("inputs", inputs)
          .putNull("outputs", outputs);
    }
  }

  /**
   * Reads the variable history of the whole case in order. Form values go to the task completion
   * that submitted them, message values to the customer action; other values count only where they
   * change what the case knew (a call activity copying variables in and out changes nothing).
   */
  private void variables() {
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    if (processes.isEmpty()) {
      return; // the engine's query drops an empty list of instances and would read every case's history
    }
    for (HistoricDetail detail : history.createHistoricDetailQuery()
        .processInstanceIdIn(processes.keySet().toArray(String[]::new)).variableUpdates().list()) {
      if (!Values.BOOKKEEPING.contains(((HistoricVariableUpdate) detail).getVariableName())) {
        updates.add((HistoricVariableUpdate) detail);
      }
    }
    updates.sort(Comparator.comparing(HistoricDetail::getTime)
        .thenComparing(this::detailPath)
        .thenComparingLong(d -> d instanceof HistoricDetailEventEntity e ? e.getSequenceCounter() : 0)
        .thenComparing(HistoricDetail::getId));
    Map<String, Object> known = new HashMap<>();
    int index = 0;
    for (HistoricVariableUpdate update : updates) {
      String name = update.getVariableName();
      Object value = Values.of(update);
      String activityId = update.getActivityInstanceId();
      HistoricActivityInstance activity = activityId == null ? null : activities.get(activityId);
      boolean consumed = false;
      if (activity != null && formOperation.containsKey(activityId)) {
        String completion = formOperation.get(activityId);
        if (completion.isEmpty()
            ? update.getTime().after(activity.getStartTime())
            : completion.equals(update.getUserOperationId())) {
          formValues.get(activityId).put(name, value);
          consumed = true;
        }
      } else if (isMessageValue(update)) {
        messageValues.computeIfAbsent(update.getUserOperationId(), k -> new TreeMap<>()).put(name, value);
        consumed = true;
      }
      if (activity != null && "letterType".equals(name) && value != null) {
        letterTypeOfActivity.put(activityId, value.toString());
      }
      boolean changed = known.containsKey(name) ? !Objects.equals(known.get(name), value) : value != null;
      Object previous = known.put(name, value);
      if (!changed) {
        continue;
      }
      index++;
      ProcessRef process = processes.get(update.getProcessInstanceId());
      if (value instanceof Instant due && DEADLINE.matcher(name).matches()) {
        deadline(update, name, due, previous, process, activity, index);
      }
      if (consumed) {
        continue;
      }
      OperationGroup operation = update.getUserOperationId() == null ? null
          : operations.values().stream()
              .filter(o -> o.first.getOperationId().equals(update.getUserOperationId()) && isStandalone(o))
              .findFirst().orElse(null);
      if (activity != null && (STEPS.contains(activity.getActivityType())
          || TIMERS.contains(activity.getActivityType()))) {
        changedByActivity.computeIfAbsent(activityId, k -> new TreeMap<>()).put(name, value);
      } else if (activityId != null && activityId.equals(update.getProcessInstanceId())) {
        changedByActivity.computeIfAbsent(activityId, k -> new TreeMap<>()).put(name, value);
      } else if (operation != null) {
        changedByOperation.computeIfAbsent(operation.key(), k -> new TreeMap<>()).put(name, value);
      } else {
        add(update.getTime().toInstant(), detailPath(update).then(index), EntryType.VARIABLE_CHANGED,
            "detail:" + update.getId())
            .in(process)
            .element(activity == null ? null : activity.getActivityId(), activity == null ? null : activity.getActivityName())
            .put("variable", name)
            .putNull("value", value)
            .put("previous", previous);
      }
    }
  }

  /** A value the customer's message brought: named by the correlation, set in the instance it reached. */
  private boolean isMessageValue(HistoricVariableUpdate update) {
    OperationGroup correlation = update.getUserOperationId() == null ? null
        : correlationsByOperationId.get(update.getUserOperationId());
    if (correlation == null || !update.getProcessInstanceId().equals(correlation.first.getProcessInstanceId())) {
      return false;
    }
    String names = correlation.property("variables");
    Map<String, Object> taken = messageValues.getOrDefault(update.getUserOperationId(), Map.of());
    return names != null && List.of(names.split(",")).contains(update.getVariableName())
        && !taken.containsKey(update.getVariableName());
  }

  private void deadline(HistoricVariableUpdate update, String name, Instant due, Object previous, ProcessRef process,
      HistoricActivityInstance activity, int index) {
    Event event = add(update.getTime().toInstant(), detailPath(update).then(index),
        previous instanceof Instant ? EntryType.DEADLINE_CHANGED : EntryType.DEADLINE_SET, "deadline:" + update.getId())
        .in(process)
        .element(activity == null ? null : activity.getActivityId(), activity == null ? null : activity.getActivityName())
        .put("deadline", name)
        .put("dueAt", due);
    if (previous instanceof Instant before) {
      event.put("previousDueAt", before).put("change", due.isAfter(before) ? "EXTENDED" : "BROUGHT_FORWARD");
    }
    if (update.getUserOperationId() != null) {
      operations.values().stream().filter(o -> o.first.getOperationId().equals(update.getUserOperationId()))
          .findFirst().ifPresent(o -> event.actor(o.first.getUserId()));
    }
  }

  private TreePath detailPath(HistoricDetail detail) {
    TreePath node = detail.getActivityInstanceId() == null ? null : nodes.get(detail.getActivityInstanceId());
    if (node != null) {
      return node.then(1, 6);
    }
    return nodes.get(detail.getProcessInstanceId()).then(1, -1);
  }

  private void jobs(HistoricProcessInstance instance) {
    if (!hasRows(PerInstance.JOB_FAILURES, instance)) {
      return; // a job's events are its failures and the success after them
    }
    ProcessRef process = processes.get(instance.getId());
    List<HistoricJobLog> logs = new ArrayList<>(history.createHistoricJobLogQuery().processInstanceId(instance.getId())
        .list());
    logs.sort(Comparator.comparing(HistoricJobLog::getTimestamp)
        .thenComparingLong(l -> l instanceof HistoricJobLogEventEntity e ? e.getSequenceCounter() : 0)
        .thenComparing(HistoricJobLog::getId));
    Map<String, Integer> failures = new HashMap<>();
    int index = 0;
    for (HistoricJobLog log : logs) {
      TreePath path = nodes.get(instance.getId()).then(1, Long.MAX_VALUE, index++);
      if (log.isFailureLog()) {
        failures.merge(log.getJobId(), 1, Integer::sum);
        add(log.getTimestamp().toInstant(), path, EntryType.JOB_FAILED, "job-log:" + log.getId())
            .in(process).element(log.getActivityId(), elementName(instance, log.getActivityId()))
            .put("jobId", log.getJobId())
            .put("jobType", log.getJobDefinitionType())
            .put("jobConfiguration", log.getJobDefinitionConfiguration())
            .put("retriesBefore", Integer.toString(log.getJobRetries()))
            .put("exception", log.getJobExceptionMessage());
      } else if (log.isSuccessLog() && failures.containsKey(log.getJobId())) {
        add(log.getTimestamp().toInstant(), path, EntryType.JOB_SUCCEEDED, "job-log:" + log.getId())
            .in(process).element(log.getActivityId(), elementName(instance, log.getActivityId()))
            .put("jobId", log.getJobId())
            .put("afterFailures", failures.get(log.getJobId()).toString());
      }
    }
  }

  private void incidents(HistoricProcessInstance instance) {
    if (!hasRows(PerInstance.INCIDENTS, instance)) {
      return;
    }
    ProcessRef process = processes.get(instance.getId());
    for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list()) {
      TreePath path = nodes.get(instance.getId()).then(1, Long.MAX_VALUE, -1);
      String name = elementName(instance, incident.getActivityId());
      add(incident.getCreateTime().toInstant(), path, EntryType.INCIDENT_CREATED, "incident:" + incident.getId())
          .in(process).element(incident.getActivityId(), name)
          .put("incidentId", incident.getId())
          .put("incidentType", incident.getIncidentType())
          .put("message", incident.getIncidentMessage())
          .put("jobId", incident.getConfiguration());
      if (incident.getEndTime() != null && (incident.isResolved() || incident.isDeleted())) {
        add(incident.getEndTime().toInstant(), path.then(1),
            incident.isResolved() ? EntryType.INCIDENT_RESOLVED : EntryType.INCIDENT_DELETED,
            "incident:" + incident.getId() + ":end")
            .in(process).element(incident.getActivityId(), name)
            .put("incidentId", incident.getId());
      }
    }
  }

  /** Operations that are not already part of another event: claims, delegations, retries, edits in Cockpit… */
  private void operationEvents() {
    int index = 0;
    for (OperationGroup operation : operations.values()) {
      index++;
      if (!isStandalone(operation) && !(CORRELATE.equals(operation.type)
          && correlationsByOperationId.containsKey(operation.first.getOperationId()))) {
        continue;
      }
      UserOperationLogEntry first = operation.first;
      ProcessRef process = processes.get(first.getProcessInstanceId());
      String taskId = first.getTaskId();
      // the operation was logged in an instance of the case, so its task is one of the case's, loaded by root
      HistoricTaskInstance task = taskId == null ? null : tasksById.get(taskId);
      TreePath path = task != null && nodes.containsKey(task.getActivityInstanceId())
          ? nodes.get(task.getActivityInstanceId()).then(1, 1, index)
          : nodes.getOrDefault(first.getProcessInstanceId(), TreePath.of(Long.MAX_VALUE)).then(1, Long.MAX_VALUE - 1, index);
      Event event = add(first.getTimestamp().toInstant(), path, operationType(operation), "operation:" + operation.key())
          .in(process)
          .actor(first.getUserId())
          .put("operation", operation.type)
          .put("entityType", first.getEntityType())
          .put("changes", operation.changes())
          .put("previous", operation.previousValues())
          .put("variables", changedByOperation.get(operation.key()))
          .put("values", CORRELATE.equals(operation.type) ? messageValues.get(first.getOperationId()) : null);
      if (task != null) {
        event.element(task.getTaskDefinitionKey(), task.getName()).put("taskId", taskId);
      } else if (first.getJobId() != null) {
        history.createHistoricJobLogQuery().jobId(first.getJobId()).list().stream().findFirst()
            .ifPresent(log -> event.element(log.getActivityId(), null).put("jobId", first.getJobId()));
      }
    }
  }

  private static EntryType operationType(OperationGroup operation) {
    if (CORRELATE.equals(operation.type)) {
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

  /** Whether an operation is an event of its own rather than part of a process start, completion or message. */
  private static boolean isStandalone(OperationGroup operation) {
    return !COMPLETE.equals(operation.type) && !CORRELATE.equals(operation.type)
        && !(UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation.type)
            && EntityTypes.PROCESS_INSTANCE.equals(operation.first.getEntityType()));
  }

  /** A letter belongs to the step that queued it, in the same transaction. */
  private void letters() {
    int index = 0;
    for (Letter letter : records.letters()) {
      Instant time = letter.createdAt().toInstant();
      HistoricActivityInstance step = activities.values().stream()
          .filter(a -> STEPS.contains(a.getActivityType()) && !a.getStartTime().toInstant().isAfter(time)
              && (a.getEndTime() == null || !a.getEndTime().toInstant().isBefore(time)))
          .max(Comparator.comparing((HistoricActivityInstance a) ->
                  letter.type().name().equals(letterTypeOfActivity.get(a.getId())))
              .thenComparing(HistoricActivityInstance::getStartTime)
              .thenComparing(a -> nodes.get(a.getId())))
          .orElse(null);
      Event event = add(time, step == null ? TreePath.of(Long.MAX_VALUE, index) : nodes.get(step.getId()).then(1, 7, index),
          EntryType.LETTER_QUEUED, "letter:" + letter.id())
          .put("letterId", Long.toString(letter.id()))
          .put("letterType", letter.type().name())
          .put("language", letter.language())
          .put("recipient", letter.recipient());
      if (step != null) {
        event.in(processes.get(step.getProcessInstanceId())).element(step.getActivityId(), step.getActivityName());
      }
      if (letter.sentAt() != null) {
        add(letter.sentAt().toInstant(), TreePath.of(Long.MAX_VALUE, 0, letter.id()), EntryType.LETTER_SENT,
            "letter:" + letter.id() + ":sent")
            .put("letterId", Long.toString(letter.id()))
            .put("letterType", letter.type().name())
            .put("messageId", letter.messageId());
      }
      index++;
    }
  }

  private Event add(Instant time, TreePath path, EntryType type, String source) {
    Event event = new Event(time, path, type, source);
    events.add(event);
    return event;
  }

  private String activityName(HistoricProcessInstance instance, String activityId) {
    if (activityId == null) {
      return null;
    }
    return activitiesOf.get(instance.getId()).stream().filter(a -> activityId.equals(a.getActivityId()))
        .map(HistoricActivityInstance::getActivityName).filter(Objects::nonNull).findFirst()
        .orElseGet(() -> elementName(instance, activityId));
  }

  /** The name of a model element the history row does not carry (job logs, incidents). */
  private String elementName(HistoricProcessInstance instance, String elementId) {
    if (elementId == null) {
      return null;
    }
    BpmnModelInstance model = models.computeIfAbsent(instance.getProcessDefinitionId(), repository::getBpmnModelInstance);
    ModelElementInstance element = model.getModelElementById(elementId.replace("#multiInstanceBody", ""));
    return element instanceof FlowElement flowElement ? flowElement.getName() : null;
  }

  private String decisionVersion(String decisionDefinitionId) {
    Integer version = decisionVersions.computeIfAbsent(decisionDefinitionId,
        id -> repository.getDecisionDefinition(id).getVersion());
    return version.toString();
  }

  private static long sequenceCounter(HistoricActivityInstance activity) {
    return activity instanceof HistoricActivityInstanceEventEntity entity ? entity.getSequenceCounter() : 0;
  }
}
