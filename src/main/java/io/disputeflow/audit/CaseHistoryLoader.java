package io.disputeflow.audit;

import io.disputeflow.audit.CaseHistoryReads.PerInstance;
import io.disputeflow.audit.CaseHistoryReads.TaskLink;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.engine.HistoryRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Reads a case's history once: every process instance with the complaint number as business key and
 * whatever they called even without it (the whole tree under their root instance, by ROOT_PROC_INST_ID_,
 * which the engine indexes; its SUPER_PROCESS_INSTANCE_ID_ is not, a full scan of the history per call
 * level), their activities, tasks, user operations, variable updates, decisions, failed jobs and incidents.
 * Rows of a kind most instances lack are read only for the instances that have them.
 */
@Component
class CaseHistoryLoader {

  private final HistoryService history;
  private final CaseHistoryReads reads;
  private final RepositoryService repository;

  CaseHistoryLoader(HistoryService history, CaseHistoryReads reads, RepositoryService repository) {
    this.history = history;
    this.reads = reads;
    this.repository = repository;
  }

  CaseHistory load(ComplaintRecord complaint, CaseRecords records) {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(complaint.complaintNumber()).list()
        .forEach(instance -> found.put(instance.getId(), instance));
    Set<String> roots = new LinkedHashSet<>();
    found.values().forEach(instance -> roots.add(instance.getRootProcessInstanceId()));
    Map<String, List<HistoricActivityInstance>> activitiesByInstance = new HashMap<>();
    Map<String, List<HistoricTaskInstance>> tasksOf = new HashMap<>();
    List<String> taskIds = new ArrayList<>();
    for (String root : roots) {
      history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list()
          .forEach(called -> found.putIfAbsent(called.getId(), called));
      reads.activities(root).forEach(activity -> activitiesByInstance
          .computeIfAbsent(activity.getProcessInstanceId(), k -> new ArrayList<>()).add(activity));
      history.createHistoricTaskInstanceQuery().rootProcessInstanceId(root).list().forEach(task -> {
        tasksOf.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(task);
        taskIds.add(task.getId());
      });
    }
    List<HistoricProcessInstance> instances = new ArrayList<>(found.values());
    instances.sort(Comparator.comparing(HistoricProcessInstance::getStartTime)
        .thenComparing(HistoricProcessInstance::getId));
    Map<String, List<HistoricActivityInstance>> activitiesOf = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      List<HistoricActivityInstance> list = activitiesByInstance.getOrDefault(instance.getId(), new ArrayList<>());
      list.sort(Comparator.comparingLong(CaseHistoryLoader::sequenceCounter)
          .thenComparing(HistoricActivityInstance::getStartTime)
          .thenComparing(HistoricActivityInstance::getId));
      activitiesOf.put(instance.getId(), list);
    }
    Map<PerInstance, Set<String>> withRows = reads.instancesWithRows(found.keySet());
    List<UserOperationLogEntry> operations = new ArrayList<>();
    Map<String, List<HistoricDecisionInstance>> decisionsOf = new HashMap<>();
    Map<String, List<HistoricJobLog>> jobLogsOf = new HashMap<>();
    Map<String, List<HistoricIncident>> incidentsOf = new HashMap<>();
    Map<String, List<HistoricVariableInstance>> finalVariablesOf = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      String id = instance.getId();
      if (withRows.get(PerInstance.OPERATIONS).contains(id)) {
        operations.addAll(history.createUserOperationLogQuery().processInstanceId(id).list());
      }
      if (withRows.get(PerInstance.DECISIONS).contains(id)) {
        decisionsOf.put(id, history.createHistoricDecisionInstanceQuery().processInstanceId(id)
            .includeInputs().includeOutputs().list());
      }
      if (withRows.get(PerInstance.JOB_FAILURES).contains(id)) {
        jobLogsOf.put(id, history.createHistoricJobLogQuery().processInstanceId(id).list());
      }
      if (withRows.get(PerInstance.INCIDENTS).contains(id)) {
        incidentsOf.put(id, history.createHistoricIncidentQuery().processInstanceId(id).list());
      }
      if (instance.getEndTime() != null && instance.getSuperProcessInstanceId() == null) {
        finalVariablesOf.put(id, history.createHistoricVariableInstanceQuery().processInstanceId(id).list());
      }
    }
    operations.sort(Comparator.comparing(UserOperationLogEntry::getTimestamp).thenComparing(UserOperationLogEntry::getId));
    return new CaseHistory(complaint, instances, activitiesOf, tasksOf, reads.taskLinks(taskIds), operations,
        variableUpdates(found.keySet()), decisionsOf, jobLogsOf, incidentsOf, finalVariablesOf,
        jobActivities(operations), new ModelDefinitions(), records);
  }

  private List<HistoricVariableUpdate> variableUpdates(Set<String> processInstanceIds) {
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    if (processInstanceIds.isEmpty()) {
      return updates; // the engine's query drops an empty list of instances and would read every case's history
    }
    for (HistoricDetail detail : history.createHistoricDetailQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableUpdates().list()) {
      if (!Values.BOOKKEEPING.contains(((HistoricVariableUpdate) detail).getVariableName())) {
        updates.add((HistoricVariableUpdate) detail);
      }
    }
    return updates;
  }

  /** The element of each job a user operation names (a retry set in Cockpit), from the job's first log. */
  private Map<String, String> jobActivities(List<UserOperationLogEntry> operations) {
    Map<String, String> activities = new HashMap<>();
    operations.stream().map(UserOperationLogEntry::getJobId).filter(jobId -> jobId != null)
        .distinct()
        .forEach(jobId -> history.createHistoricJobLogQuery().jobId(jobId).list().stream().findFirst()
            .ifPresent(log -> activities.put(jobId, log.getActivityId())));
    return activities;
  }

  private static long sequenceCounter(HistoricActivityInstance activity) {
    return HistoryRows.sequenceCounter(activity);
  }

  /** Reads each deployed model once per timeline. */
  private final class ModelDefinitions implements CaseHistory.Definitions {

    private final Map<String, BpmnModelInstance> models = new HashMap<>();
    private final Map<String, Integer> decisionVersions = new HashMap<>();

    @Override
    public String elementName(String processDefinitionId, String elementId) {
      BpmnModelInstance model = models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
      ModelElementInstance element = model.getModelElementById(elementId.replace("#multiInstanceBody", ""));
      return element instanceof FlowElement flowElement ? flowElement.getName() : null;
    }

    @Override
    public int decisionVersion(String decisionDefinitionId) {
      return decisionVersions.computeIfAbsent(decisionDefinitionId,
          id -> repository.getDecisionDefinition(id).getVersion());
    }
  }
}
