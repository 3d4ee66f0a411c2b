package io.disputeflow.demo;

import io.disputeflow.tasklist.TasklistFilters;
import java.util.Arrays;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the users and groups of docs/design.md ("Who uses it") (password "demo") and the Tasklist filters.
 * Creates the users and groups that are missing and updates the filters in place, so a restart on
 * the same database adds nothing.
 */
@Component
@ConditionalOnProperty(name = "disputeflow.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TasklistFilters filters;

  DemoData(IdentityService identityService, FilterService filterService, TasklistFilters filters) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.filters = filters;
  }

  // the starter publishes PostDeployEvent only for a process application; this runs once the engine is up
  @EventListener(ApplicationStartedEvent.class)
  void create() {
    for (DemoGroup group : DemoGroup.values()) {
      createGroup(group);
    }
    for (DemoUser user : DemoUser.values()) {
      createUser(user);
    }
    removeFirstReleaseFilters();
    filters.createOrUpdate(Arrays.stream(DemoGroup.values()).filter(group -> group.worksTasks)
        .map(group -> group.id).toList());
    LOG.info("Demo mode: {} users with the password '{}' and their Tasklist filters are ready",
        DemoUser.values().length, DemoUser.PASSWORD);
  }

  private void createGroup(DemoGroup demo) {
    if (identityService.createGroupQuery().groupId(demo.id).count() == 0) {
      Group group = identityService.newGroup(demo.id);
      group.setName(demo.name);
      group.setType(demo == DemoGroup.ADMIN ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void createUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id).count() == 0) {
      User user = identityService.newUser(demo.id);
      user.setFirstName(demo.firstName);
      user.setLastName(demo.lastName);
      user.setEmail(demo.id + "@disputeflow.example");
      user.setPassword(DemoUser.PASSWORD);
      identityService.saveUser(user);
    }
    // also for a user an earlier start created: on Operaton the administrators' group is operaton-admin, which a
    // database first started on Camunda has no member of (the admin would see nothing and sign in nowhere)
    if (identityService.createGroupQuery().groupMember(demo.id).groupId(demo.group).count() == 0) {
      identityService.createMembership(demo.id, demo.group);
    }
  }

  /** The first release made one filter per group, named after it; the shared filters replace them. */
  private void removeFirstReleaseFilters() {
    for (DemoGroup group : DemoGroup.values()) {
      filterService.createFilterQuery().filterName(group.name).list()
          .forEach(filter -> filterService.deleteFilter(filter.getId()));
    }
  }
}
