package io.disputeflow.process;

import io.disputeflow.engine.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Who acts on a task, for its listeners: on an assignment the new assignee; otherwise whoever
 * completes it (the authenticated engine user), else the task's assignee.
 */
public final class TaskActor {

  private TaskActor() {}

  public static String of(DelegateTask task) {
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      return task.getAssignee();
    }
    String user = EngineUser.id(task.getProcessEngineServices().getIdentityService());
    return user != null ? user : task.getAssignee();
  }
}
