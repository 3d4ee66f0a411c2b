package io.disputeflow.recusal;

import io.disputeflow.complaint.ComplaintRepository;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link RecusalListener} on every user task of every model, present and future, as a
 * built-in listener: no model can forget it, and a process owner cannot remove it.
 */
@Component
class RecusalPlugin extends AbstractProcessEnginePlugin {

  // the repository is built after the engine's plugins: look it up when a task first needs it
  private final RecusalListener recusal;

  RecusalPlugin(ObjectProvider<ComplaintRepository> complaints) {
    this.recusal = new RecusalListener(complaints);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, recusal);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, recusal);
      }
    });
  }
}
