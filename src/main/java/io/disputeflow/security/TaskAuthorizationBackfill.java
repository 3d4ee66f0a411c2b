package io.disputeflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once per database: gives the tasks that were opened while authorizations were still off what the
 * engine now grants every new task (READ, TASK_WORK and TASK_ASSIGN for its candidate groups,
 * candidate users and assignee), so they do not vanish from Tasklist after an upgrade. Remembered as an engine property.
 */
@Component
class TaskAuthorizationBackfill {

  static final String DONE_PROPERTY = "disputeflow.task-authorizations-backfilled";
  private static final Logger LOG = LoggerFactory.getLogger(TaskAuthorizationBackfill.class);

  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final ManagementService managementService;

  TaskAuthorizationBackfill(TaskService taskService, AuthorizationService authorizationService,
      ManagementService managementService) {
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.managementService = managementService;
  }

  @EventListener(ApplicationStartedEvent.class)
  void backfill() {
    if (managementService.getProperties().containsKey(DONE_PROPERTY)) {
      return;
    }
    int granted = 0;
    for (Task task : taskService.createTaskQuery().list()) {
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) || IdentityLinkType.ASSIGNEE.equals(link.getType())) {
          try {
            granted += grant(task.getId(), link.getUserId(), link.getGroupId()) ? 1 : 0;
          } catch (ProcessEngineException raceWithAnotherNode) {
            // another node starting on the same database granted it first
          }
        }
      }
    }
    try {
      managementService.setProperty(DONE_PROPERTY, "true");
    } catch (ProcessEngineException raceWithAnotherNode) {
      // another node finished first and said so
    }
    LOG.info("Task authorizations: {} granted to tasks opened before authorizations were on", granted);
  }

  private boolean grant(String taskId, String userId, String groupId) {
    var query = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.TASK).resourceId(taskId);
    Authorization existing = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
    if (existing != null) {
      return false;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(taskId);
    for (var permission : TaskHandOverPlugin.CANDIDATE_PERMISSIONS) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
    return true;
  }
}
