package io.disputeflow.tasklist;

import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.time.BankTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every group works from. One filter serves every group: its query names
 * the user and their groups by expression ({@code ${currentUser()}}, {@code ${currentUserGroups()}}),
 * evaluated each time Tasklist loads it. Each is readable by the groups it is for (a READ grant
 * that counts once authorization checks are on). Sorted by due date, with the complaint and its
 * deadline as columns. Running it again updates the filters in place.
 */
@Component
public class TasklistFilters {

  /** Property that marks a filter as ours, so a renamed one is still found. */
  static final String KEY_PROPERTY = "disputeflowFilter";
  static final List<String> APPROVER_GROUPS = List.of("supervisor", "head-of-consumer-protection");

  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  /** Midnight in the bank's zone: the engine's dateTime() is in the JVM's zone, which may differ. */
  private final String startOfToday;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.startOfToday = "dateTime().withZone(dateTime().getZone().forID('" + zone.getId() + "')).withTimeAtStartOfDay()";
  }

  /** What each filter is: its stable key, name, description, query and the groups that see it. */
  record Definition(String key, String name, String description, Supplier<TaskQuery> query, boolean approversOnly) {}

  List<Definition> definitions() {
    return List.of(
        new Definition("my-tasks", "My tasks / 我的任务", "Tasks assigned to me / 分配给我的任务",
            () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), false),
        new Definition("my-group", "My group / 我的组", "Unclaimed tasks of my groups / 本组待认领任务",
            () -> taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS), false),
        new Definition("due-today", "Due today / 今日到期", "My groups' tasks due today, bank time / 本组今日到期任务",
            () -> groupTasks().dueAfterExpression("${" + startOfToday + "}")
                .dueBeforeExpression("${" + startOfToday + ".plusDays(1)}"), false),
        new Definition("overdue", "Overdue / 已逾期", "My groups' tasks past their due date / 本组已逾期任务",
            () -> groupTasks().dueBeforeExpression("${now()}"), false),
        new Definition("vulnerable-customers", "Vulnerable customers / 弱势客户",
            "My groups' tasks for vulnerable customers / 本组弱势客户任务",
            () -> groupTasks().processVariableValueEquals(ComplaintVariables.CUSTOMER_VULNERABLE.name(), true), false),
        new Definition("awaiting-approval", "Awaiting approval / 待审批",
            "Compensations and extensions waiting for my decision / 待我审批的补偿与延期",
            () -> groupTasks().taskDefinitionKeyIn(ResolutionProcess.USER_APPROVE_COMPENSATION,
                ComplaintHandlingProcess.USER_APPROVE_EXTENSION), true));
  }

  /** Creates or updates every filter and grants READ on it to the groups it is for. */
  public void createOrUpdate(Collection<String> workingGroups) {
    int priority = 0;
    for (Definition definition : definitions()) {
      Filter filter = find(definition).orElseGet(() -> filterService.newTaskFilter());
      filter.setName(definition.name());
      filter.setQuery(definition.query().get().orderByDueDate().asc().orderByTaskPriority().desc());
      filter.setProperties(properties(definition, priority += 10));
      filterService.saveFilter(filter);
      grantRead(filter.getId(), definition.approversOnly() ? APPROVER_GROUPS : workingGroups);
    }
  }

  private TaskQuery groupTasks() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
  }

  private Optional<Filter> find(Definition definition) {
    List<Filter> filters = filterService.createTaskFilterQuery().list();
    return filters.stream().filter(f -> definition.key().equals(f.getProperties().get(KEY_PROPERTY))).findFirst()
        .or(() -> filters.stream().filter(f -> definition.name().equals(f.getName())).findFirst());
  }

  private static Map<String, Object> properties(Definition definition, int priority) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY_PROPERTY, definition.key());
    properties.put("description", definition.description());
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        // Tasklist shows the first two in a collapsed row: the complaint and its deadline
        column(ComplaintVariables.COMPLAINT_NUMBER.name(), "Complaint / 投诉编号"),
        column(TaskDisplay.DECISION_DUE_AT_TEXT.name(), "Decision due / 处理时限"),
        column(TaskDisplay.CLOCK_STATE_TEXT.name(), "Clock / 时限状态"),
        column(ComplaintVariables.CUSTOMER_NAME.name(), "Customer / 客户")));
    return properties;
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }

  private void grantRead(String filterId, Collection<String> groups) {
    for (String group : groups) {
      boolean granted = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filterId).groupIdIn(group).count() > 0;
      if (!granted) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.setGroupId(group);
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
      }
    }
  }
}
