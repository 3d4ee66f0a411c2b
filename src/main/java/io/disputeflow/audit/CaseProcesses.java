package io.disputeflow.audit;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.time.BankTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process instances a case passed through, each with the BPMN XML of the very definition
 * version it ran on (not the latest) and its activity instances: what the replay page draws.
 */
@Service
class CaseProcesses {

  record ActivityStep(String activityInstanceId, String activityId, String activityName, String activityType,
      String startTime, String endTime, boolean canceled, String assignee, String calledProcessInstanceId) {}

  record CaseProcess(String processInstanceId, String superProcessInstanceId, String processDefinitionId,
      String processDefinitionKey, String processDefinitionName, Integer processDefinitionVersion, String state,
      String startTime, String endTime, String bpmnXml, List<ActivityStep> activities) {}

  private final HistoryService history;
  private final RepositoryService repository;
  private final ComplaintRepository complaints;
  private final DateTimeFormatter time;

  CaseProcesses(HistoryService history, RepositoryService repository, ComplaintRepository complaints,
      BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    this.history = history;
    this.repository = repository;
    this.complaints = complaints;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
  }

  @Transactional(readOnly = true)
  List<CaseProcess> of(String complaintNumber) {
    complaints.find(complaintNumber).orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(complaintNumber).list()
        .forEach(instance -> found.put(instance.getId(), instance));
    Deque<String> toVisit = new ArrayDeque<>(found.keySet());
    while (!toVisit.isEmpty()) {
      for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(toVisit.pop()).list()) {
        if (found.putIfAbsent(called.getId(), called) == null) {
          toVisit.push(called.getId());
        }
      }
    }
    Map<String, String> xml = new HashMap<>();
    return found.values().stream()
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId))
        .map(instance -> new CaseProcess(instance.getId(), instance.getSuperProcessInstanceId(),
            instance.getProcessDefinitionId(), instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(),
            instance.getProcessDefinitionVersion(), instance.getState(), format(instance.getStartTime()),
            format(instance.getEndTime()), xml.computeIfAbsent(instance.getProcessDefinitionId(), this::bpmnXml),
            activities(instance.getId())))
        .toList();
  }

  private List<ActivityStep> activities(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map((HistoricActivityInstance a) -> new ActivityStep(a.getId(), a.getActivityId(), a.getActivityName(),
            a.getActivityType(), format(a.getStartTime()), format(a.getEndTime()), a.isCanceled(), a.getAssignee(),
            a.getCalledProcessInstanceId()))
        .toList();
  }

  private String bpmnXml(String processDefinitionId) {
    try (InputStream model = repository.getProcessModel(processDefinitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String format(Date date) {
    return date == null ? null : time.format(date.toInstant());
  }
}
