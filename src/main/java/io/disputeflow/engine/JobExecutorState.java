package io.disputeflow.engine;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whether this node's job executor runs (none in tests and on nodes configured without one). */
@Component
public class JobExecutorState {

  private final ObjectProvider<JobExecutor> jobExecutor;

  JobExecutorState(ObjectProvider<JobExecutor> jobExecutor) {
    this.jobExecutor = jobExecutor;
  }

  public boolean runsOnThisNode() {
    JobExecutor executor = jobExecutor.getIfAvailable();
    return executor != null && executor.isActive();
  }
}
