package io.disputeflow.tasklist;

import io.disputeflow.engine.EngineCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every completion of a task with a Camunda Form: the values must pass the form's own rules
 * (required, options, length, range), whichever client completed it. Tasklist checks them in the
 * browser; a call to /engine-rest does not, and a value no later step understands used to complete
 * the task and fail in the step after it, as an incident, with the user long gone.
 */
@Component
class CheckFormInputListener implements TaskListener {

  /** Per process definition and task: the rules of its form (the listener is on tasks with a Camunda Form only). */
  private final Map<String, FormRules> rules = new ConcurrentHashMap<>();

  @Override
  public void notify(DelegateTask task) {
    FormRules form = rules.computeIfAbsent(task.getProcessDefinitionId() + " " + task.getTaskDefinitionKey(),
        key -> read(task));
    List<String> problems = form.fields().stream()
        .map(field -> {
          String problem = field.problem(task.getVariable(field.key()));
          return problem == null ? null : field.label() + " (" + field.key() + ") " + problem;
        })
        .filter(Objects::nonNull).toList();
    if (!problems.isEmpty()) {
      throw new FormInputRefusedException("The form's values were not accepted: " + String.join("; ", problems)
          + ". / 表单内容有误，未能提交：" + String.join("；", problems) + "。");
    }
  }

  private static FormRules read(DelegateTask task) {
    // the form belongs to the model, whoever completes: read it without the completing user's authorizations
    return EngineCommands.inCurrentCommandWithoutAuthorization(() -> {
      try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
        return FormRules.read(form);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
