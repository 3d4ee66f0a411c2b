package io.disputeflow.tasklist;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
class TasklistPlugin extends AbstractProcessEnginePlugin {

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
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        // added after the model's own listeners, so e.g. four eyes speaks first on an assignment
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, describe);
        task.addTaskListener(TaskListener.EVENTNAME_UPDATE, describe);
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, checkAssignee);
        if (task.getCamundaFormDefinitionKey() != null) {
          // built in: runs before the model's own completion listeners, which act on the values
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, checkFormInput);
        }
      }
    });
  }
}
