package io.disputeflow.recusal;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link RecusalListener} on every user task of every model, present and future, as a
 * built-in listener: no model can forget it, and a process owner cannot remove it.
 */
@Component
class RecusalPlugin implements EngineSetup {

  // the repository is built after the engine's plugins: look it up when a task first needs it
  private final RecusalListener recusal;

  RecusalPlugin(ObjectProvider<ComplaintRepository> complaints) {
    this.recusal = new RecusalListener(complaints);
  }

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.onEveryUserTaskFirst(task -> {
      task.addBuiltInListener(TaskListener.EVENTNAME_ASSIGNMENT, recusal);
      task.addBuiltInListener(TaskListener.EVENTNAME_COMPLETE, recusal);
    });
  }
}
