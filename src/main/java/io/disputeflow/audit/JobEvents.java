package io.disputeflow.audit;

import io.disputeflow.audit.Event.ProcessRef;
import io.disputeflow.engine.HistoryRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * What went wrong and how it was repaired: each failed attempt of a job, the success after failures, and
 * each incident with its resolution or deletion. A job that never failed has no entry of its own.
 */
final class JobEvents {

  private final CaseHistory history;
  private final CaseTree tree;

  JobEvents(CaseHistory history, CaseTree tree) {
    this.history = history;
    this.tree = tree;
  }

  List<Event> extract() {
    List<Event> events = new ArrayList<>();
    for (HistoricProcessInstance instance : history.instances()) {
      jobs(instance, history.jobLogsOf().getOrDefault(instance.getId(), List.of()), events);
      incidents(instance, history.incidentsOf().getOrDefault(instance.getId(), List.of()), events);
    }
    return events;
  }

  private void jobs(HistoricProcessInstance instance, List<HistoricJobLog> jobLogs, List<Event> events) {
    ProcessRef process = tree.process(instance.getId());
    List<HistoricJobLog> logs = new ArrayList<>(jobLogs);
    logs.sort(Comparator.comparing(HistoricJobLog::getTimestamp)
        .thenComparingLong(HistoryRows::sequenceCounter)
        .thenComparing(HistoricJobLog::getId));
    Map<String, Integer> failures = new HashMap<>();
    int index = 0;
    for (HistoricJobLog log : logs) {
      TreePath path = tree.node(instance.getId()).then(1, Long.MAX_VALUE, index++);
      if (log.isFailureLog()) {
        failures.merge(log.getJobId(), 1, Integer::sum);
        events.add(new Event(log.getTimestamp().toInstant(), path, EntryType.JOB_FAILED, "job-log:" + log.getId())
            .in(process).element(log.getActivityId(), elementName(instance, log.getActivityId()))
            .put("jobId", log.getJobId())
            .put("jobType", log.getJobDefinitionType())
            .put("jobConfiguration", log.getJobDefinitionConfiguration())
            .put("retriesBefore", Integer.toString(log.getJobRetries()))
            .put("exception", log.getJobExceptionMessage()));
      } else if (log.isSuccessLog() && failures.containsKey(log.getJobId())) {
        events.add(new Event(log.getTimestamp().toInstant(), path, EntryType.JOB_SUCCEEDED, "job-log:" + log.getId())
            .in(process).element(log.getActivityId(), elementName(instance, log.getActivityId()))
            .put("jobId", log.getJobId())
            .put("afterFailures", failures.get(log.getJobId()).toString()));
      }
    }
  }

  private void incidents(HistoricProcessInstance instance, List<HistoricIncident> incidents, List<Event> events) {
    ProcessRef process = tree.process(instance.getId());
    for (HistoricIncident incident : incidents) {
      TreePath path = tree.node(instance.getId()).then(1, Long.MAX_VALUE, -1);
      String name = elementName(instance, incident.getActivityId());
      events.add(new Event(incident.getCreateTime().toInstant(), path, EntryType.INCIDENT_CREATED,
          "incident:" + incident.getId())
          .in(process).element(incident.getActivityId(), name)
          .put("incidentId", incident.getId())
          .put("incidentType", incident.getIncidentType())
          .put("message", incident.getIncidentMessage())
          .put("jobId", incident.getConfiguration()));
      if (incident.getEndTime() != null && (incident.isResolved() || incident.isDeleted())) {
        events.add(new Event(incident.getEndTime().toInstant(), path.then(1),
            incident.isResolved() ? EntryType.INCIDENT_RESOLVED : EntryType.INCIDENT_DELETED,
            "incident:" + incident.getId() + ":end")
            .in(process).element(incident.getActivityId(), name)
            .put("incidentId", incident.getId()));
      }
    }
  }

  /** The name of a model element the history row does not carry. */
  private String elementName(HistoricProcessInstance instance, String elementId) {
    return elementId == null ? null : history.definitions().elementName(instance.getProcessDefinitionId(), elementId);
  }
}
