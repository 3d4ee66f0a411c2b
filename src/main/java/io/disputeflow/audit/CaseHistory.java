package io.disputeflow.audit;

import io.disputeflow.audit.CaseHistoryReads.TaskLink;
import io.disputeflow.complaint.ComplaintRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * Everything recorded about one case, read once ({@link CaseHistoryLoader}) before any event is made of
 * it: the engine's history of every process instance of the case and our own records. The timeline's
 * extractors read only this, so each can be tested on a hand-made history.
 *
 * @param instances every process instance of the case, by start time (and id)
 * @param activitiesOf the activity instances of each process instance, in the order the engine wrote them
 * @param tasksOf the tasks of each process instance
 * @param taskLinks the identity-link history of each task
 * @param operations the user operation log of the case, by time (and id), one row per changed property
 * @param variableUpdates every variable update of the case but the engine's multi-instance bookkeeping
 * @param decisionsOf the decisions each process instance evaluated, with inputs and outputs
 * @param jobLogsOf the job log of each process instance where a job ever failed
 * @param incidentsOf the incidents of each process instance that had any
 * @param finalVariablesOf the variables of each top-level process instance that has ended
 * @param jobActivities for a job a user operation names: the element the job belongs to
 * @param definitions what the models say that the history rows do not carry
 */
record CaseHistory(
    ComplaintRecord complaint,
    List<HistoricProcessInstance> instances,
    Map<String, List<HistoricActivityInstance>> activitiesOf,
    Map<String, List<HistoricTaskInstance>> tasksOf,
    Map<String, List<TaskLink>> taskLinks,
    List<UserOperationLogEntry> operations,
    List<HistoricVariableUpdate> variableUpdates,
    Map<String, List<HistoricDecisionInstance>> decisionsOf,
    Map<String, List<HistoricJobLog>> jobLogsOf,
    Map<String, List<HistoricIncident>> incidentsOf,
    Map<String, List<HistoricVariableInstance>> finalVariablesOf,
    Map<String, String> jobActivities,
    Definitions definitions,
    CaseRecords records) {

  /** Names and versions from the deployed models: job logs, incidents and decisions carry only ids. */
  interface Definitions {

    /** The name of a model element of a process definition, null when it has none. */
    String elementName(String processDefinitionId, String elementId);

    /** The version of a deployed decision definition. */
    int decisionVersion(String decisionDefinitionId);
  }

  /** Every task of the case by id. */
  Map<String, HistoricTaskInstance> tasksById() {
    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    tasksOf.values().forEach(list -> list.forEach(task -> tasks.put(task.getId(), task)));
    return tasks;
  }
}
