package io.disputeflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;

import io.disputeflow.engine.EnginePermissions;
import io.disputeflow.process.ClockActionProcess;
import io.disputeflow.process.ComplaintRegistrationProcess;
import io.disputeflow.process.ExternalReferralProcess;
import io.disputeflow.process.ReopeningProcess;
import io.disputeflow.process.WithdrawalProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of the groups of docs/design.md ("Who uses it"), in every profile: these are the product's
 * roles, not demo data. At every start each row of {@link #GRANTS} is created or set back to exactly
 * its permissions; authorizations for other resources or groups are left alone.
 *
 * <p>Task work needs no row here: the engine grants a task's candidate groups, and then its
 * assignee, READ and TASK_WORK on that one task ({@code default-user-permission-name-for-task}), so
 * each group sees and works only the tasks the models give it. {@code camunda-admin} has ALL on every
 * resource, as Camunda's own setup gives it. Delegates run unchecked (the engine's default), so a model's own work never depends on
 * who completed the task that triggered it.
 */
@Component
class CamundaAuthorizations {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaAuthorizations.class);

  /** One authorization: the group is granted exactly these permissions on the resource. */
  record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {

    Grant(String group, Resource resource, String resourceId, Permission... permissions) {
      this(group, resource, resourceId, List.of(permissions));
    }
  }

  private static final List<String> TASK_WORKERS = Stream.concat(
      Stream.of(Groups.COORDINATOR, Groups.SUPERVISOR, Groups.HEAD, Groups.LEGAL), Groups.DEPARTMENTS.stream())
      .toList();
  private static final String ANY = "*";

  static final List<Grant> GRANTS = grants();

  private static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : TASK_WORKERS) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", ACCESS));
      // Tasklist's filters; the tasks a filter lists are still only those the group may read
      grants.add(new Grant(group, Resources.FILTER, ANY, READ));
      // Tasklist shows the process name and diagram of a task: the models, no case data
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    }
    // Tasklist's start forms: coordinators and branch desks register complaints, coordinators and
    // supervisors act on the decision clock; starting needs CREATE on instances and on the model
    for (String group : List.of(Groups.COORDINATOR, Groups.SUPERVISOR, Groups.INTAKE)) {
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE));
    }
    grants.add(new Grant(Groups.INTAKE, Resources.APPLICATION, "tasklist", ACCESS));
    grants.add(new Grant(Groups.INTAKE, Resources.PROCESS_DEFINITION, ComplaintRegistrationProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    grants.add(new Grant(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, ComplaintRegistrationProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    for (String group : List.of(Groups.COORDINATOR, Groups.SUPERVISOR)) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ClockActionProcess.KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
    // coordinators record a withdrawal the customer made by phone or at the branch
    grants.add(new Grant(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, WithdrawalProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    // coordinators register an outside referral; coordinators and supervisors reopen a closed case
    grants.add(new Grant(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, ExternalReferralProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    for (String group : List.of(Groups.COORDINATOR, Groups.SUPERVISOR)) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ReopeningProcess.KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.APPLICATION, "cockpit", ACCESS));
    // process owners approve each other's deployments in Tasklist (model-deployment-approval)
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.APPLICATION, "tasklist", ACCESS));
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.FILTER, ANY, READ));
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, CREATE, READ));
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, READ));
    grants.add(new Grant(Groups.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ));

    grants.add(new Grant(Groups.AUDITOR, Resources.APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(Groups.AUDITOR, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY));
    grants.add(new Grant(Groups.AUDITOR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.TASK, ANY, TaskPermissions.READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY));
    grants.add(new Grant(Groups.AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.DEPLOYMENT, ANY, READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY));
    grants.add(new Grant(Groups.AUDITOR, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.USER, ANY, READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.GROUP, ANY, READ));
    grants.add(new Grant(Groups.AUDITOR, Resources.AUTHORIZATION, ANY, READ));
    // intake otherwise none: channel systems use only our API, which runs their engine work itself
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }
    return List.copyOf(grants);
  }

  private final AuthorizationService authorizationService;

  CamundaAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @EventListener(ApplicationStartedEvent.class)
  void apply() {
    int changed = 0;
    for (Grant grant : GRANTS) {
      try {
        changed += apply(grant) ? 1 : 0;
      } catch (ProcessEngineException raceWithAnotherNode) {
        // another node starting on the same database saved the same row first: look again
        changed += apply(grant) ? 1 : 0;
      }
    }
    LOG.info("Engine authorizations: {} rows for the product's groups, {} created or corrected", GRANTS.size(), changed);
  }

  /** Creates or corrects the grant's authorization; true if it had to. */
  private boolean apply(Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.group())
        .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    if (authorization != null && granted(authorization).equals(expanded(grant))) {
      return false;
    }
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
    authorizationService.saveAuthorization(authorization);
    return true;
  }

  private static Set<Permission> granted(Authorization authorization) {
    return Arrays.stream(authorization.getPermissions(permissionsOf(authorization.getResourceType())))
        .collect(Collectors.toSet());
  }

  /** The grant's permissions, ALL spelled out as every permission of the resource. */
  private static Set<Permission> expanded(Grant grant) {
    return grant.permissions().contains(Permissions.ALL)
        ? Set.of(permissionsOf(grant.resource().resourceType())) : Set.copyOf(grant.permissions());
  }

  private static Permission[] permissionsOf(int resourceType) {
    return Arrays.stream(EnginePermissions.of(resourceType))
        .filter(permission -> !permission.getName().equals("ALL") && !permission.getName().equals("NONE"))
        .toArray(Permission[]::new);
  }
}
