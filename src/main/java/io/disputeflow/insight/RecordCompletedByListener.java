package io.disputeflow.insight;

import static io.disputeflow.process.PolicyImprovementProcess.COMPLETED_BY;

import io.disputeflow.process.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a task whose outcome goes on file: remember who completed it (the authenticated user,
 * else the assignee), so the recording step knows even when it runs later as a job.
 */
@Component
class RecordCompletedByListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    COMPLETED_BY.set(task.getExecution(), TaskActor.of(task));
  }
}
