package io.disputeflow.security;

import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * A task's candidate groups and its assignee get, besides READ and TASK_WORK
 * ({@code default-user-permission-name-for-task}), TASK_ASSIGN on that one task: Tasklist users
 * unclaim a task and delegate it to a colleague. To whom is checked when it happens: the tasklist
 * package refuses a task going to anyone outside its groups, recusal and four eyes still apply.
 */
@Component
class TaskHandOverPlugin extends AbstractProcessEnginePlugin {

  static final Permission[] CANDIDATE_PERMISSIONS = {TaskPermissions.READ, TaskPermissions.TASK_WORK,
      TaskPermissions.TASK_ASSIGN};

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      protected Permission[] getRuntimePermissions(boolean variablePermissionEnforced) {
        return Stream.concat(Arrays.stream(super.getRuntimePermissions(variablePermissionEnforced)),
            Stream.of(TaskPermissions.TASK_ASSIGN)).distinct().toArray(Permission[]::new);
      }
    });
  }
}
