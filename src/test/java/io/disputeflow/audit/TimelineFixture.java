package io.disputeflow.audit;

import io.disputeflow.audit.CaseHistoryReads.TaskLink;
import io.disputeflow.audit.CaseRecords.Extension;
import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.Product;
import io.disputeflow.correspondence.Letter;
import io.disputeflow.correspondence.LetterStatus;
import io.disputeflow.correspondence.LetterType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricDetailVariableInstanceUpdateEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricIncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/**
 * A small case's history written by hand, as the engine would record it, for the timeline's extractors:
 * complaint CMP-1 starts the handling process (p1) at 10:00, a decision classifies it, Ivan claims and
 * completes the investigation task (its form sets findings), a review stage calls p2, whose service step
 * fails once (an incident, resolved after an operator sets retries), the customer answers a question
 * (a message with a value), a step queues the decision letter, which is sent, the decision deadline is set
 * at the start and extended by Ivan, and the case closes at 12:00.
 */
final class TimelineFixture {

  static final String NUMBER = "CMP-1";

  final List<HistoricProcessInstance> instances = new ArrayList<>();
  final Map<String, List<HistoricActivityInstance>> activitiesOf = new HashMap<>();
  final Map<String, List<HistoricTaskInstance>> tasksOf = new HashMap<>();
  final Map<String, List<TaskLink>> taskLinks = new HashMap<>();
  final List<UserOperationLogEntry> operations = new ArrayList<>();
  final List<HistoricVariableUpdate> updates = new ArrayList<>();
  final Map<String, List<HistoricDecisionInstance>> decisionsOf = new HashMap<>();
  final Map<String, List<HistoricJobLog>> jobLogsOf = new HashMap<>();
  final Map<String, List<HistoricIncident>> incidentsOf = new HashMap<>();
  final Map<String, List<HistoricVariableInstance>> finalVariablesOf = new HashMap<>();
  final Map<String, String> jobActivities = new HashMap<>();
  final List<Letter> letters = new ArrayList<>();
  final List<Extension> extensions = new ArrayList<>();
  private long sequence;

  /** The whole case described above. */
  static TimelineFixture handledCase() {
    TimelineFixture f = new TimelineFixture();
    f.instance("p1", "complaint-handling", null, "10:00:00", "12:00:00", "intake");
    f.activity("p1", "a1", "startComplaint", "Complaint received", "startEvent", "10:00:00", "10:00:00");
    f.activity("p1", "a2", "classify", "Classify", "businessRuleTask", "10:00:00", "10:00:00");
    f.activity("p1", "a3", "investigate", "Investigate", "userTask", "10:00:01", "11:00:00");
    f.activity("p1", "a4", "review", "Department review", "callActivity", "10:30:00", "10:45:00")
        .setCalledProcessInstanceId("p2");
    f.activity("p1", "a5", "customerAnswer", "Customer answers", "intermediateMessageCatch", "11:00:00", "11:10:00");
    f.activity("p1", "a6", "queueLetter", "Queue decision letter", "serviceTask", "11:10:00", "11:10:00");
    f.activity("p1", "a7", "closed", "Closed", "noneEndEvent", "12:00:00", "12:00:00");
    f.instance("p2", "department-review", "p1", "10:30:00", "10:45:00", null);
    f.activity("p2", "b1", "startReview", "Review asked", "startEvent", "10:30:00", "10:30:00");
    f.activity("p2", "b2", "notifyDepartment", "Notify department", "serviceTask", "10:30:00", "10:44:00");

    f.task("p1", "t1", "a3", "investigate", "Investigate", "10:00:01", "11:00:00", "completed", "ivan");
    f.link("t1", "investigators", "10:00:01");
    f.link("t1", "supervisors", "10:20:00"); // granted later by a supervisor: not the model's
    f.operation("op-start", "intake", "10:00:00", UserOperationLogEntry.OPERATION_TYPE_CREATE,
        EntityTypes.PROCESS_INSTANCE, "p1", null, null, null);
    f.operation("op-claim", "ivan", "10:05:00", UserOperationLogEntry.OPERATION_TYPE_CLAIM, EntityTypes.TASK, "p1",
        "t1", "assignee", "ivan");
    f.operation("op-retry", "olga", "10:40:00", UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, EntityTypes.JOB,
        "p2", null, "retries", "3").setJobId("j1");
    f.operation("op-complete", "ivan", "11:00:00", UserOperationLogEntry.OPERATION_TYPE_COMPLETE, EntityTypes.TASK,
        "p1", "t1", null, null);
    f.operation("op-answer", "customer", "11:10:00", UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE,
        EntityTypes.PROCESS_INSTANCE, "p1", null, "messageName", "customerAnswer");
    f.operation("op-answer", "customer", "11:10:00", UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE,
        EntityTypes.PROCESS_INSTANCE, "p1", null, "variables", "customerAnswer");
    f.operation("op-extend", "ivan", "11:30:00", UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE,
        EntityTypes.VARIABLE, "p1", null, null, null);
    f.jobActivities.put("j1", "notifyDepartment");

    f.update("u1", "p1", "p1", "10:00:00", null, "decisionDueAt", at("2026-01-31T16:00:00"));
    f.update("u2", "p1", "p1", "10:00:00", null, "product", "CREDIT_CARD");
    f.update("u3", "p1", "a2", "10:00:00", null, "category", "BILLING");
    f.update("u4", "p2", "p2", "10:30:00", null, "product", "CREDIT_CARD"); // copied in: changes nothing
    f.update("u5", "p2", "b9", "10:40:00", "op-retry", "notified", "false");
    f.update("u6", "p1", "a3", "11:00:00", "op-complete", "findings", "Fee charged twice");
    f.update("u7", "p1", "a5", "11:10:00", "op-answer", "customerAnswer", "I want a refund");
    f.update("u8", "p1", "a6", "11:10:00", null, "letterType", "DECISION");
    f.update("u9", "p1", "a8", "11:30:00", "op-extend", "decisionDueAt", at("2026-02-28T16:00:00"));
    f.update("u10", "p1", "a8", "11:40:00", null, "note", "asked the branch");

    f.decision("p1", "d1", "a2", "classify", "10:00:00", Map.of("Product", "CREDIT_CARD"), "category", "BILLING");
    f.jobLog("p2", "l1", "j1", "10:35:00", true, "Mail server down");
    f.jobLog("p2", "l2", "j1", "10:44:00", false, null);
    f.incident("p2", "i1", "10:35:00", "10:44:00", "notifyDepartment");
    f.finalVariable("p1", "category", "BILLING");
    f.finalVariable("p1", "nrOfInstances", "2");
    f.letters.add(new Letter(1, LetterType.DECISION, "en", "customer@example.org", LetterStatus.SENT, 1, null, null,
        at("2026-01-02T11:15:00").atOffset(ZoneOffset.UTC), "<m1@bank>", at("2026-01-02T11:10:00").atOffset(ZoneOffset.UTC),
        null));
    f.extensions.add(new Extension(1, 1, "Waiting for the card scheme", "ivan", at("2026-01-02T11:30:00"), null, null,
        null, null, at("2026-01-31T16:00:00"), null));
    return f;
  }

  /** The case's history, for any extractor. */
  CaseHistory history() {
    return new CaseHistory(complaint(), instances, activitiesOf, tasksOf, taskLinks, operations, updates, decisionsOf,
        jobLogsOf, incidentsOf, finalVariablesOf, jobActivities, new Definitions(),
        new CaseRecords(letters, List.of(), extensions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
  }

  /** The names the models give: "Name of" the element; every decision table in version 4. */
  static final class Definitions implements CaseHistory.Definitions {

    @Override
    public String elementName(String processDefinitionId, String elementId) {
      return "Name of " + elementId;
    }

    @Override
    public int decisionVersion(String decisionDefinitionId) {
      return 4;
    }
  }

  static Instant at(String utc) {
    return Instant.parse(utc + "Z");
  }

  private static Date time(String hms) {
    return Date.from(at("2026-01-02T" + hms));
  }

  static Instant instant(String hms) {
    return at("2026-01-02T" + hms);
  }

  private ComplaintRecord complaint() {
    return new ComplaintRecord(NUMBER, Channel.BRANCH, "REF-1", instant("09:59:00").atOffset(ZoneOffset.UTC), "C-7",
        "Ada Lovelace", null, null, "en", null, false, Product.CREDIT_CARD, "Double charge", "Charged twice",
        new BigDecimal("120.50"), "EUR", false, ComplaintStatus.CLOSED, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private void instance(String id, String key, String calledBy, String start, String end, String startUser) {
    HistoricProcessInstanceEntity instance = new HistoricProcessInstanceEntity();
    instance.setId(id);
    instance.setProcessInstanceId(id);
    instance.setProcessDefinitionKey(key);
    instance.setProcessDefinitionId(key + ":3");
    instance.setProcessDefinitionVersion(3);
    instance.setBusinessKey(calledBy == null ? NUMBER : null);
    instance.setSuperProcessInstanceId(calledBy);
    instance.setStartTime(time(start));
    instance.setEndTime(end == null ? null : time(end));
    instance.setState(end == null ? "ACTIVE" : "COMPLETED");
    instance.setStartUserId(startUser);
    instance.setStartActivityId(calledBy == null ? "startComplaint" : "startReview");
    instance.setEndActivityId(end == null ? null : calledBy == null ? "closed" : "reviewed");
    instances.add(instance);
    activitiesOf.put(id, new ArrayList<>());
  }

  private HistoricActivityInstanceEntity activity(String processInstanceId, String id, String activityId,
      String name, String type, String start, String end) {
    HistoricActivityInstanceEntity activity = new HistoricActivityInstanceEntity();
    activity.setId(id);
    activity.setActivityInstanceId(id);
    activity.setProcessInstanceId(processInstanceId);
    activity.setParentActivityInstanceId(processInstanceId);
    activity.setActivityId(activityId);
    activity.setActivityName(name);
    activity.setActivityType(type);
    activity.setStartTime(time(start));
    activity.setEndTime(end == null ? null : time(end));
    activity.setSequenceCounter(++sequence);
    activitiesOf.get(processInstanceId).add(activity);
    return activity;
  }

  private void task(String processInstanceId, String id, String activityInstanceId, String key, String name,
      String start, String end, String deleteReason, String assignee) {
    HistoricTaskInstanceEntity task = new HistoricTaskInstanceEntity();
    task.setId(id);
    task.setTaskId(id);
    task.setProcessInstanceId(processInstanceId);
    task.setActivityInstanceId(activityInstanceId);
    task.setTaskDefinitionKey(key);
    task.setName(name);
    task.setStartTime(time(start));
    task.setEndTime(end == null ? null : time(end));
    task.setDeleteReason(deleteReason);
    task.setAssignee(assignee);
    tasksOf.computeIfAbsent(processInstanceId, k -> new ArrayList<>()).add(task);
  }

  private void link(String taskId, String group, String at) {
    taskLinks.computeIfAbsent(taskId, k -> new ArrayList<>())
        .add(new TaskLink(taskId, "candidate", "add", group, instant(at)));
  }

  private UserOperationLogEntryEventEntity operation(String operationId, String user, String at, String type,
      String entityType, String processInstanceId, String taskId, String property, String newValue) {
    UserOperationLogEntryEventEntity entry = new UserOperationLogEntryEventEntity();
    entry.setId(operationId + "-" + operations.size());
    entry.setOperationId(operationId);
    entry.setUserId(user);
    entry.setTimestamp(time(at));
    entry.setOperationType(type);
    entry.setEntityType(entityType);
    entry.setProcessInstanceId(processInstanceId);
    entry.setTaskId(taskId);
    entry.setProperty(property);
    entry.setNewValue(newValue);
    operations.add(entry);
    return entry;
  }

  private void update(String id, String processInstanceId, String activityInstanceId, String at, String operationId,
      String name, Object value) {
    ValueUpdate update = new ValueUpdate(value instanceof Instant instant ? Date.from(instant) : value);
    update.setId(id);
    update.setProcessInstanceId(processInstanceId);
    update.setActivityInstanceId(activityInstanceId);
    update.setTimestamp(time(at));
    update.setUserOperationId(operationId);
    update.setVariableName(name);
    update.setSequenceCounter(++sequence);
    updates.add(update);
  }

  private void decision(String processInstanceId, String id, String activityInstanceId, String key, String at,
      Map<String, String> inputs, String output, String value) {
    HistoricDecisionInstanceEntity decision = new HistoricDecisionInstanceEntity();
    decision.setId(id);
    decision.setProcessInstanceId(processInstanceId);
    decision.setActivityInstanceId(activityInstanceId);
    decision.setActivityId("classify");
    decision.setDecisionDefinitionId(key + ":4");
    decision.setDecisionDefinitionKey(key);
    decision.setDecisionDefinitionName("Classification");
    decision.setEvaluationTime(time(at));
    List<HistoricDecisionInputInstance> in = new ArrayList<>();
    inputs.forEach((clause, text) -> {
      HistoricDecisionInputInstanceEntity input = new HistoricDecisionInputInstanceEntity() {
        @Override
        public Object getValue() {
          return text;
        }
      };
      input.setClauseName(clause);
      in.add(input);
    });
    decision.setInputs(in);
    HistoricDecisionOutputInstanceEntity out = new HistoricDecisionOutputInstanceEntity() {
      @Override
      public Object getValue() {
        return value;
      }
    };
    out.setVariableName(output);
    out.setRuleOrder(1);
    decision.setOutputs(List.<HistoricDecisionOutputInstance>of(out));
    decisionsOf.computeIfAbsent(processInstanceId, k -> new ArrayList<>()).add(decision);
  }

  private void jobLog(String processInstanceId, String id, String jobId, String at, boolean failed, String exception) {
    HistoricJobLogEventEntity log = new HistoricJobLogEventEntity();
    log.setId(id);
    log.setProcessInstanceId(processInstanceId);
    log.setJobId(jobId);
    log.setTimestamp(time(at));
    log.setState(failed ? 1 : 2); // the engine's JobState: 1 failed, 2 successful
    log.setJobExceptionMessage(exception);
    log.setJobRetries(failed ? 3 : 2);
    log.setJobDefinitionType("async-continuation");
    log.setActivityId("notifyDepartment");
    log.setSequenceCounter(++sequence);
    jobLogsOf.computeIfAbsent(processInstanceId, k -> new ArrayList<>()).add(log);
  }

  private void incident(String processInstanceId, String id, String created, String resolved, String activityId) {
    HistoricIncidentEntity incident = new HistoricIncidentEntity();
    incident.setId(id);
    incident.setProcessInstanceId(processInstanceId);
    incident.setCreateTime(time(created));
    incident.setEndTime(resolved == null ? null : time(resolved));
    incident.setIncidentState(resolved == null ? 0 : 1); // the engine's IncidentState: 0 open, 1 resolved
    incident.setIncidentType("failedJob");
    incident.setIncidentMessage("Mail server down");
    incident.setConfiguration("j1");
    incident.setActivityId(activityId);
    incidentsOf.computeIfAbsent(processInstanceId, k -> new ArrayList<>()).add(incident);
  }

  private void finalVariable(String processInstanceId, String name, String value) {
    HistoricVariableInstanceEntity variable = new ValueInstance(value);
    variable.setName(name);
    variable.setProcessInstanceId(processInstanceId);
    variable.setActivityInstanceId(processInstanceId);
    finalVariablesOf.computeIfAbsent(processInstanceId, k -> new ArrayList<>()).add(variable);
  }

  /** A variable update with its value at hand (the engine's entity would deserialize it). */
  private static final class ValueUpdate extends HistoricDetailVariableInstanceUpdateEntity {

    private final Object value;

    ValueUpdate(Object value) {
      this.value = value;
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public String getTypeName() {
      return value instanceof Date ? "date" : "string";
    }
  }

  private static final class ValueInstance extends HistoricVariableInstanceEntity {

    private final Object value;

    ValueInstance(Object value) {
      this.value = value;
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public String getTypeName() {
      return "string";
    }
  }
}
