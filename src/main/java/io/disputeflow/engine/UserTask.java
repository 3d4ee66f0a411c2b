package io.disputeflow.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/** A user task of a model being parsed, to which listeners are added for every task it creates. */
public final class UserTask {

  private final TaskDefinition definition;

  UserTask(TaskDefinition definition) {
    this.definition = definition;
  }

  /** Adds a listener after the model's own listeners of that event. */
  public void addListener(String eventName, TaskListener listener) {
    definition.addTaskListener(eventName, listener);
  }

  /** Adds a built-in listener: it runs before the model's own listeners of that event, and no model removes it. */
  public void addBuiltInListener(String eventName, TaskListener listener) {
    definition.addBuiltInTaskListener(eventName, listener);
  }

  /** Whether the task has a Camunda Form ({@code camunda:formRef}). */
  public boolean hasCamundaForm() {
    return definition.getCamundaFormDefinitionKey() != null;
  }
}
