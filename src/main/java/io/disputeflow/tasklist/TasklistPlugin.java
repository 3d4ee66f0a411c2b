package io.disputeflow.tasklist;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model, including ones process owners add later, its Tasklist
 * name, description and display variables ({@link DescribeTaskListener}) and refuses assignees
 * outside the task's groups ({@link CheckAssigneeListener}) and values its form does not allow
 * ({@link CheckFormInputListener}).
 *
 * <p>Camunda evaluates a user task's {@code name} and {@code documentation} as expressions, so
 * {@code name="Investigate ${complaintNumber}"} would work too; but Modeler's diagram, Cockpit and
 * the history's activity names would then show the raw {@code ${…}}. The models keep plain names
 * and this listener writes the complaint into the task when it is created.
 */
@Component
class TasklistPlugin implements EngineSetup {

  private final DescribeTaskListener describe;
  private final CheckAssigneeListener checkAssignee;
  private final CheckFormInputListener checkFormInput;

  TasklistPlugin(DescribeTaskListener describe, CheckAssigneeListener checkAssignee,
      CheckFormInputListener checkFormInput) {
    this.describe = describe;
    this.checkAssignee = checkAssignee;
    this.checkFormInput = checkFormInput;
  }

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.onEveryUserTask(task -> {
      // added after the model's own listeners, so e.g. four eyes speaks first on an assignment
      task.addListener(TaskListener.EVENTNAME_CREATE, describe);
      task.addListener(TaskListener.EVENTNAME_UPDATE, describe);
      task.addListener(TaskListener.EVENTNAME_ASSIGNMENT, checkAssignee);
      if (task.hasCamundaForm()) {
        // built in: runs before the model's own completion listeners, which act on the values
        task.addBuiltInListener(TaskListener.EVENTNAME_COMPLETE, checkFormInput);
      }
    });
  }
}
