package io.disputeflow.security;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * A task's candidate groups and its assignee get, besides READ and TASK_WORK
 * ({@code default-user-permission-name-for-task}), TASK_ASSIGN on that one task: Tasklist users
 * unclaim a task and delegate it to a colleague. To whom is checked when it happens: the tasklist
 * package refuses a task going to anyone outside its groups, recusal and four eyes still apply.
 */
@Component
class TaskHandOverPlugin implements EngineSetup {

  static final Permission[] CANDIDATE_PERMISSIONS = {TaskPermissions.READ, TaskPermissions.TASK_WORK,
      TaskPermissions.TASK_ASSIGN};

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.grantOnEveryTask(TaskPermissions.TASK_ASSIGN);
  }
}
