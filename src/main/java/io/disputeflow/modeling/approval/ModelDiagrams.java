package io.disputeflow.modeling.approval;

import io.disputeflow.modeling.approval.ModelDiff.DecisionChanges;
import io.disputeflow.modeling.approval.ModelDiff.DecisionTable;
import io.disputeflow.modeling.approval.ModelDiff.Element;
import io.disputeflow.modeling.approval.PendingDeployments.PendingDeployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A pending deployment as its diagram page shows it: per BPMN file the submitted and the active
 * diagram with the elements added, removed and changed; per DMN decision its rules against the
 * active version. Once decided, the files are gone (the engine holds an approved deployment), and
 * the page says who decided.
 */
@Component
class ModelDiagrams {

  record View(String id, String name, String submittedBy, Instant submittedAt, String status, String decidedBy,
      Instant decidedAt, String reason, String taskId, List<FileView> files) {}

  /** kind: bpmn, dmn, form or other; the diagram fields for bpmn, the decisions for dmn. */
  record FileView(String file, String kind, String processKey, Integer activeVersion, String xml, String activeXml,
      List<Element> added, List<Element> removed, List<Element> changed, List<DecisionView> decisions) {}

  record DecisionView(Integer activeVersion, DecisionChanges changes) {}

  private final PendingDeployments pending;
  private final RepositoryService repository;
  private final TaskService tasks;

  ModelDiagrams(PendingDeployments pending, RepositoryService repository, TaskService tasks) {
    this.pending = pending;
    this.repository = repository;
    this.tasks = tasks;
  }

  Optional<View> of(String id) {
    return pending.find(id).map(submitted -> view(submitted, pending.files(id)));
  }

  private View view(PendingDeployment submitted, Map<String, byte[]> files) {
    List<FileView> views = new ArrayList<>();
    files.forEach((name, content) -> views.add(file(name, new String(content, StandardCharsets.UTF_8))));
    // the diagrams first, then the decisions, then forms and anything else
    views.sort(java.util.Comparator.comparingInt(view -> List.of("bpmn", "dmn", "form", "other").indexOf(view.kind())));
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(submitted.id()).active().list().stream()
        .findFirst().orElse(null);
    return new View(submitted.id(), submitted.name(), submitted.submittedBy(), submitted.submittedAt(),
        submitted.status(), submitted.decidedBy(), submitted.decidedAt(), submitted.reason(),
        task == null ? null : task.getId(), views);
  }

  private FileView file(String name, String xml) {
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      return bpmn(name, xml);
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      List<DecisionView> decisions = new ArrayList<>();
      for (DecisionTable table : ModelDiff.decisionTables(xml)) {
        DecisionDefinition active = repository.createDecisionDefinitionQuery().decisionDefinitionKey(table.id())
            .latestVersion().singleResult();
        DecisionTable before = active == null ? null : ModelDiff.decisionTables(read(repository.getDecisionModel(
            active.getId()))).stream().filter(t -> t.id().equals(table.id())).findFirst().orElse(null);
        decisions.add(new DecisionView(active == null ? null : active.getVersion(), ModelDiff.decision(before, table)));
      }
      return new FileView(name, "dmn", null, null, null, null, null, null, null, decisions);
    }
    return new FileView(name, name.endsWith(".form") ? "form" : "other", null, null, null, null, null, null, null,
        null);
  }

  /** Against the active version of the file's first process that has one. */
  private FileView bpmn(String name, String xml) {
    List<String> processes = ModelDiff.processIds(xml);
    ProcessDefinition active = processes.stream().map(key -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult()).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
    String activeXml = active == null ? null : read(repository.getProcessModel(active.getId()));
    ModelDiff.BpmnChanges changes = ModelDiff.bpmn(activeXml, xml);
    return new FileView(name, "bpmn", active != null ? active.getKey() : processes.stream().findFirst().orElse(null),
        active == null ? null : active.getVersion(), xml, activeXml, changes.added(), changes.removed(),
        changes.changed(), null);
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
