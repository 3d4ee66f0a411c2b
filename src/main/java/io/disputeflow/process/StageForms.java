package io.disputeflow.process;

import io.disputeflow.engine.EngineCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The variables the forms of a called stage read ({@link FormVariables}), which a call activity passes it:
 * Tasklist reads a task's form variables from the task's own process, not from the case that called it. Read
 * from the stage's deployed model and the forms deployed with it, once per process definition.
 */
final class StageForms {

  private static final Logger LOG = LoggerFactory.getLogger(StageForms.class);
  private static final Map<String, Optional<Set<String>>> BY_DEFINITION = new ConcurrentHashMap<>();

  private StageForms() {}

  /**
   * What the stage that {@code call} is about to start shows in its forms, or empty when a user task of it
   * has a form this cannot read (an embedded or generated form, a form not deployed with the stage): then the
   * stage is passed every variable of the case, as before.
   */
  static Optional<Set<String>> variablesOfStageCalledBy(DelegateExecution call) {
    if (!(call.getBpmnModelElementInstance() instanceof CallActivity activity)
        || activity.getCalledElement() == null || activity.getCalledElement().contains("{")) {
      return Optional.empty();
    }
    RepositoryService repository = call.getProcessEngineServices().getRepositoryService();
    // the model belongs to the case, whoever's action starts the stage
    return EngineCommands.inCurrentCommandWithoutAuthorization(() -> {
      ProcessDefinition called = repository.createProcessDefinitionQuery()
          .processDefinitionKey(activity.getCalledElement()).latestVersion().singleResult();
      return called == null ? Optional.empty()
          : BY_DEFINITION.computeIfAbsent(called.getId(), id -> read(repository, called));
    });
  }

  private static Optional<Set<String>> read(RepositoryService repository, ProcessDefinition definition) {
    Map<String, Set<String>> forms;
    try {
      forms = formsOf(repository, definition.getDeploymentId());
    } catch (RuntimeException unreadable) {
      LOG.warn("The forms deployed with {} could not be read: its stages are passed the whole case", definition.getId(),
          unreadable);
      return Optional.empty();
    }
    Set<String> names = new HashSet<>();
    for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
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
    return Optional.of(Set.copyOf(names));
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
