package io.disputeflow.resolution;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who is acting on a task: the authenticated engine user, else the task's assignee. */
final class CurrentUser {

  private CurrentUser() {}

  static String of(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
