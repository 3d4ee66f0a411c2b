package io.disputeflow.process;

import io.disputeflow.engine.EngineCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.dmn.instance.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine itself reads in a called stage, which a call activity therefore passes it: the variables the
 * forms of its user tasks show ({@link FormVariables}), since Tasklist reads a task's form variables from the
 * task's own process, and the names in the decisions its business rule tasks evaluate, since the engine gives a
 * decision the stage's own variables. Read from the stage's deployed model, the forms deployed with it and the
 * decisions' models, once per process and decision definition.
 */
final class StageForms {

  private static final Logger LOG = LoggerFactory.getLogger(StageForms.class);
  private static final Map<String, Optional<Stage>> BY_DEFINITION = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> BY_DECISION = new ConcurrentHashMap<>();

  /** A stage's form variables and the decisions it evaluates (by key and binding). */
  private record Stage(Set<String> formVariables, List<Decision> decisions, String deploymentId) {}

  private record Decision(String key, String binding) {}

  private StageForms() {}

  /**
   * What the stage that {@code call} is about to start reads by the engine, or empty when this cannot be told
   * (an embedded or generated form, a form not deployed with the stage, a decision chosen by an expression or
   * bound to a version): then the stage is passed every variable of the case, as before.
   */
  static Optional<Set<String>> variablesOfStageCalledBy(DelegateExecution call) {
    Optional<String> key = calledKey(call);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    RepositoryService repository = call.getProcessEngineServices().getRepositoryService();
    // the models belong to the case, whoever's action starts the stage
    return EngineCommands.inCurrentCommandWithoutAuthorization(() -> {
      ProcessDefinition called = repository.createProcessDefinitionQuery()
          .processDefinitionKey(key.get()).latestVersion().singleResult();
      return called == null ? Optional.empty()
          : variablesOf(repository, BY_DEFINITION.computeIfAbsent(called.getId(), id -> read(repository, called)));
    });
  }

  /**
   * What {@code call} passed {@code stage}, the stage it started, for the engine to read: as
   * {@link #variablesOfStageCalledBy} found then, for the version of the stage that runs even when a newer one
   * has been deployed since.
   */
  static Optional<Set<String>> variablesOfStageCalledBy(DelegateExecution call, DelegateExecution stage) {
    if (calledKey(call).isEmpty()) {
      return Optional.empty();
    }
    RepositoryService repository = stage.getProcessEngineServices().getRepositoryService();
    return EngineCommands.inCurrentCommandWithoutAuthorization(() -> variablesOf(repository,
        BY_DEFINITION.computeIfAbsent(stage.getProcessDefinitionId(),
            id -> read(repository, repository.getProcessDefinition(id)))));
  }

  /** The key of the process {@code call} starts; empty when an expression chooses it. */
  private static Optional<String> calledKey(DelegateExecution call) {
    return call.getBpmnModelElementInstance() instanceof CallActivity activity && activity.getCalledElement() != null
        && !activity.getCalledElement().contains("{") ? Optional.of(activity.getCalledElement()) : Optional.empty();
  }

  private static Optional<Set<String>> variablesOf(RepositoryService repository, Optional<Stage> stage) {
    if (stage.isEmpty()) {
      return Optional.empty();
    }
    Set<String> names = new HashSet<>(stage.get().formVariables());
    for (Decision decision : stage.get().decisions()) {
      Optional<DecisionDefinition> definition = definitionOf(repository, decision, stage.get().deploymentId());
      if (definition.isEmpty()) {
        return Optional.empty();
      }
      names.addAll(BY_DECISION.computeIfAbsent(definition.get().getId(), id -> namesIn(repository, id)));
    }
    return Optional.of(names);
  }

  private static Optional<Stage> read(RepositoryService repository, ProcessDefinition definition) {
    Map<String, Set<String>> forms;
    try {
      forms = formsOf(repository, definition.getDeploymentId());
    } catch (RuntimeException unreadable) {
      LOG.warn("The forms deployed with {} could not be read: its stages are passed the whole case", definition.getId(),
          unreadable);
      return Optional.empty();
    }
    var model = repository.getBpmnModelInstance(definition.getId());
    Set<String> names = new HashSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormKey() != null || task.getExtensionElements() != null
          && !task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().isEmpty()) {
        return Optional.empty();
      }
      if (task.getCamundaFormRef() != null) {
        Set<String> form = "deployment".equals(task.getCamundaFormRefBinding()) ? forms.get(task.getCamundaFormRef())
            : null;
        if (form == null) {
          return Optional.empty();
        }
        names.addAll(form);
      }
    }
    List<Decision> decisions = new ArrayList<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String key = task.getCamundaDecisionRef();
      if (key != null) {
        if (key.contains("{")) {
          return Optional.empty();
        }
        decisions.add(new Decision(key, task.getCamundaDecisionRefBinding() == null ? "latest"
            : task.getCamundaDecisionRefBinding()));
      }
    }
    return Optional.of(new Stage(Set.copyOf(names), List.copyOf(decisions), definition.getDeploymentId()));
  }

  private static Optional<DecisionDefinition> definitionOf(RepositoryService repository, Decision decision,
      String stageDeployment) {
    DecisionDefinitionQuery query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.key());
    return switch (decision.binding()) {
      case "latest" -> Optional.ofNullable(query.latestVersion().singleResult());
      case "deployment" -> Optional.ofNullable(query.deploymentId(stageDeployment).singleResult());
      default -> Optional.empty();
    };
  }

  /** Every name in the texts of a decision's model (its inputs, rules and outputs, and those it requires). */
  private static Set<String> namesIn(RepositoryService repository, String decisionDefinitionId) {
    Set<String> names = new HashSet<>();
    for (Text text : repository.getDmnModelInstance(decisionDefinitionId).getModelElementsByType(Text.class)) {
      if (text.getTextContent() != null) {
        FormVariables.namesIn(text.getTextContent(), names);
      }
    }
    return Set.copyOf(names);
  }

  private static Map<String, Set<String>> formsOf(RepositoryService repository, String deploymentId) {
    Map<String, Set<String>> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream form = repository.getResourceAsStream(deploymentId, resource)) {
          FormVariables read = FormVariables.read(form);
          forms.put(read.formId(), read.names());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return forms;
  }
}
