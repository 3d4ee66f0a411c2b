package io.disputeflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every task count equals the number of tasks the engine lists for the same query and caller, whatever grants
 * the caller holds: a task's own, its process definition's, a global one, one on every task (a user's, a
 * group's), none, and with revoke authorizations present; also a standalone task, an or-query and an order by
 * a process variable. Lists and pages are the engine's own statement, so they are the reference; on
 * PostgreSQL the counts are {@link AuthorizedTaskCount}'s, on H2 the engine's.
 */
@ApiTest
@DatabaseTest
class AuthorizedTaskCountTests {

  @Autowired MockMvc mvc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfigurationImpl engine;

  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void aComplaintUnderInvestigation() throws Exception {
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
        .content(Submissions.creditCardComplaint("COUNT-" + System.nanoTime()))).andExpect(status().isCreated());
  }

  @AfterEach
  void forget() {
    identityService.clearAuthentication();
    created.forEach(authorizationService::deleteAuthorization);
  }

  @Test
  void shouldCountWithThisStatementOnPostgreSqlOnly() {
    String statement = AuthorizedTaskCount.countStatement(engine);

    assertThat(statement).isEqualTo("postgres".equals(engine.getDatabaseType())
        ? AuthorizedTaskCount.STATEMENT : AuthorizedTaskCount.ENGINE_STATEMENT);
  }

  @Test
  void shouldCountWhatACoordinatorListsThroughTheTasksOwnGrants() {
    long investigations = unchecked(() -> taskService.createTaskQuery()
        .processDefinitionKey(InvestigationProcess.KEY).taskCandidateGroup("coordinator"));

    identityService.setAuthentication("cora", List.of("coordinator"));

    long myGroup = assertCountIsListSize(() -> taskService.createTaskQuery()
        .taskCandidateGroupIn(List.of("coordinator")).includeAssignedTasks().orderByDueDate().asc());
    assertThat(myGroup).isGreaterThanOrEqualTo(investigations).isPositive();
    assertThat(assertCountIsListSize(() -> taskService.createTaskQuery()
        .processDefinitionKey(InvestigationProcess.KEY).taskCandidateGroup("coordinator"))).isEqualTo(investigations);
    assertCountIsListSize(() -> taskService.createTaskQuery()
        .or().taskCandidateGroup("coordinator").taskAssignee("cora").endOr());
  }

  @Test
  void shouldCountNothingForACallerWithoutGrants() {
    identityService.setAuthentication("count-stranger", List.of());

    assertThat(assertCountIsListSize(() -> taskService.createTaskQuery())).isZero();
  }

  @Test
  void shouldCountTheTasksOfAProcessDefinitionTheCallerMayReadTasksOf() {
    long investigations = unchecked(() -> taskService.createTaskQuery().processDefinitionKey(InvestigationProcess.KEY));
    grant(Authorization.AUTH_TYPE_GRANT, "count-reader", Resources.PROCESS_DEFINITION, InvestigationProcess.KEY,
        ProcessDefinitionPermissions.READ_TASK);

    identityService.setAuthentication("count-reader", List.of());

    assertThat(assertCountIsListSize(() -> taskService.createTaskQuery())).isEqualTo(investigations).isPositive();
  }

  @Test
  void shouldCountATaskEveryoneMayReadAndEveryTaskForAGrantOnAll() {
    String task = taskService.createTaskQuery().processDefinitionKey(InvestigationProcess.KEY).list().get(0).getId();
    grant(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, Resources.TASK, task, Permissions.READ);
    identityService.setAuthentication("count-stranger", List.of());
    assertThat(assertCountIsListSize(() -> taskService.createTaskQuery())).isEqualTo(1);

    identityService.clearAuthentication();
    grant(Authorization.AUTH_TYPE_GRANT, "count-all", Resources.TASK, Authorization.ANY, Permissions.READ);
    identityService.setAuthentication("count-all", List.of());
    assertThat(assertCountIsListSize(() -> taskService.createTaskQuery()))
        .isEqualTo(unchecked(() -> taskService.createTaskQuery()));
  }

  @Test
  void shouldCountForAGroupGrantOnEveryTaskAStandaloneTaskAndAnOrQueryOnADefinition() {
    Task standalone = taskService.newTask();
    standalone.setName("Call the branch back");
    taskService.saveTask(standalone);
    try {
      Authorization onAll = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      onAll.setGroupId("count-group");
      onAll.setResource(Resources.TASK);
      onAll.setResourceId(Authorization.ANY);
      onAll.addPermission(Permissions.READ);
      created.add(authorizationService.saveAuthorization(onAll).getId());

      identityService.setAuthentication("count-member", List.of("count-group"));

      assertThat(assertCountIsListSize(() -> taskService.createTaskQuery()))
          .isEqualTo(unchecked(() -> taskService.createTaskQuery()));
      assertCountIsListSize(() -> taskService.createTaskQuery().or().processDefinitionKey(InvestigationProcess.KEY)
          .taskName("Call the branch back").endOr().orderByProcessVariable("priority", ValueType.STRING).asc());
    } finally {
      identityService.clearAuthentication();
      taskService.deleteTask(standalone.getId(), true);
    }
  }

  @Test
  void shouldCountAsTheEngineDoesWhileRevokesAreChecked() {
    String task = taskService.createTaskQuery().taskCandidateGroup("coordinator").list().get(0).getId();
    grant(Authorization.AUTH_TYPE_REVOKE, "cora", Resources.TASK, task, Permissions.READ);

    identityService.setAuthentication("cora", List.of("coordinator"));

    assertCountIsListSize(() -> taskService.createTaskQuery().taskCandidateGroup("coordinator"));
    assertThat(taskService.createTaskQuery().taskCandidateGroup("coordinator").list())
        .as("the revoked task").noneMatch(t -> t.getId().equals(task));
  }

  /** The count, checked against the engine's list of the same query; returns it. */
  private static long assertCountIsListSize(Supplier<TaskQuery> query) {
    long count = query.get().count();
    assertThat(count).as("count of the tasks listed").isEqualTo(query.get().list().size());
    return count;
  }

  private long unchecked(Supplier<TaskQuery> query) {
    var authentication = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return query.get().count();
    } finally {
      if (authentication != null) {
        identityService.setAuthentication(authentication);
      }
    }
  }

  private void grant(int type, String user, Resources resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    created.add(authorizationService.saveAuthorization(authorization).getId());
  }
}
