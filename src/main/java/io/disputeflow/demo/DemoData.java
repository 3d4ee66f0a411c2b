package io.disputeflow.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the users and groups of DESIGN §1 (password "demo") and a Tasklist filter per group.
 * Creates only what is missing, so a restart on the same database changes nothing.
 */
@Component
@ConditionalOnProperty(name = "disputeflow.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;

  DemoData(IdentityService identityService, FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
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
    createFilter("My tasks / 我的任务", "Tasks assigned to me", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    for (DemoGroup group : DemoGroup.values()) {
      if (group.worksTasks) {
        createFilter(group.name, "Open tasks of the group " + group.id, group.ordinal(),
            taskService.createTaskQuery().taskCandidateGroup(group.id).orderByDueDate().asc());
      }
    }
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
      identityService.createMembership(demo.id, demo.group);
    }
  }

  private void createFilter(String name, String description, int priority, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        column("complaintNumber", "Complaint / 投诉编号"),
        column("customerName", "Customer / 客户"),
        column("productLabel", "Product / 产品"),
        column("decisionDueAt", "Decision due / 处理时限")));
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
    filterService.saveFilter(filter);
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }
}
