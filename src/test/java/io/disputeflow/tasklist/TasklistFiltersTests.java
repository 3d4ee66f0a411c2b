package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Tasklist filters as Tasklist runs them: listed as a user with their groups, expressions
 * evaluated then. The engine clock stands at 01:00 on 17 March in Shanghai, still 16 March in the
 * JVM's UTC, so "today" is proven to be the bank's.
 */
@ApiTest
class TasklistFiltersTests {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-17T01:00:00+08:00");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TasklistFilters filters;

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void shouldShowEachGroupItsTasksSortedByDueDate() throws Exception {
    // given a complaint due later today (bank time), one of a vulnerable customer due yesterday evening,
    // and one whose 5,000 compensation waits for a supervisor
    String dueToday = submit("FLT-1", false);
    String overdueVulnerable = submit("FLT-2", true);
    String awaitingApproval = submit("FLT-3", false);
    setDue(dueToday, "2026-03-17T09:00:00+08:00");
    setDue(overdueVulnerable, "2026-03-16T20:00:00+08:00");
    bringToApproval(awaitingApproval);

    // then coordinators see the unclaimed investigations, the earliest due first, whatever order
    // Tasklist asks for on top (its sort menu adds one; the filter's own comes first)
    assertThat(numbers("my-group", "cora", "coordinator")).containsExactly(overdueVulnerable, dueToday);
    identityService.setAuthentication("cora", List.of("coordinator"));
    assertThat(filterService.list(filter("my-group").getId(), taskService.createTaskQuery().orderByTaskCreateTime().asc())
        .stream().map(task -> (String) taskService.getVariable(task.getId(), "complaintNumber"))
        .filter(mine::contains).toList()).containsExactly(overdueVulnerable, dueToday);
    identityService.clearAuthentication();
    assertThat(numbers("my-tasks", "cora", "coordinator")).isEmpty();
    assertThat(numbers("due-today", "cora", "coordinator")).containsExactly(dueToday);
    assertThat(numbers("overdue", "cora", "coordinator")).containsExactly(overdueVulnerable);
    assertThat(numbers("vulnerable-customers", "cora", "coordinator")).containsExactly(overdueVulnerable);
    assertThat(numbers("awaiting-approval", "cora", "coordinator")).isEmpty();
    // and the supervisor sees the approval, no coordinator work
    assertThat(numbers("awaiting-approval", "sam", "supervisor")).containsExactly(awaitingApproval);
    assertThat(numbers("my-group", "sam", "supervisor")).containsExactly(awaitingApproval);
    assertThat(numbers("due-today", "sam", "supervisor")).isEmpty();

    // when cora claims one
    taskService.claim(worker.openTask(dueToday, InvestigationProcess.USER_INVESTIGATE_COMPLAINT).getId(), "cora");

    // then it is hers, no longer the group's to take, and still the team's due today
    assertThat(numbers("my-tasks", "cora", "coordinator")).containsExactly(dueToday);
    assertThat(numbers("my-tasks", "chen", "coordinator")).isEmpty();
    assertThat(numbers("my-group", "chen", "coordinator")).containsExactly(overdueVulnerable);
    assertThat(numbers("due-today", "chen", "coordinator")).containsExactly(dueToday);
  }

  @Test
  void shouldUpdateTheFiltersInPlaceAtEveryStart() {
    // given someone renamed a filter in Tasklist
    Filter myTasks = filter("my-tasks");
    myTasks.setName("Mine");
    filterService.saveFilter(myTasks);

    // when the filters are set up again, as at a restart
    filters.createOrUpdate(List.of("coordinator", "supervisor", "head-of-consumer-protection", "dept-cards"));
    filters.createOrUpdate(List.of("coordinator", "supervisor", "head-of-consumer-protection", "dept-cards"));

    // then there is still one of each, with its name back, sorted by due date, the deadline a column
    List<Filter> ours = filterService.createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties().containsKey(TasklistFilters.KEY_PROPERTY)).toList();
    assertThat(ours).extracting(Filter::getName).containsExactly("My tasks / 我的任务", "My group / 我的组",
        "Due today / 今日到期", "Overdue / 已逾期", "Vulnerable customers / 弱势客户", "Awaiting approval / 待审批");
    assertThat(filterService.createFilterQuery().filterName("Mine").count()).isZero();
    assertThat(filter("overdue").getProperties().get("variables").toString())
        .contains("complaintNumber", "decisionDueAtText", "clockStateText");
    // and only approvers may read Awaiting approval once authorization checks are on (they are off in
    // this version, and isUserAuthorized then answers true for everyone: the grants themselves are checked)
    assertThat(readers("awaiting-approval")).containsExactlyInAnyOrder("supervisor", "head-of-consumer-protection");
    assertThat(readers("overdue")).contains("coordinator", "dept-cards", "legal").doesNotHaveDuplicates();
  }

  /** The complaint numbers of the listed tasks of this class's cases, in the filter's order. */
  private List<String> numbers(String filterKey, String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    try {
      List<Task> tasks = filterService.list(filter(filterKey).getId());
      return tasks.stream()
          .map(task -> (String) taskService.getVariable(task.getId(), ComplaintVariables.COMPLAINT_NUMBER.name()))
          .filter(number -> mine.contains(number)).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private final Set<String> mine = new java.util.HashSet<>();

  private List<String> readers(String filterKey) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter(filterKey).getId()).list().stream()
        .filter(grant -> grant.isPermissionGranted(Permissions.READ)).map(Authorization::getGroupId).toList();
  }

  private Filter filter(String key) {
    return filterService.createTaskFilterQuery().list().stream()
        .filter(f -> key.equals(f.getProperties().get(TasklistFilters.KEY_PROPERTY))).findFirst().orElseThrow();
  }

  private void setDue(String number, String due) {
    Task task = worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT);
    task.setDueDate(Date.from(OffsetDateTime.parse(due).toInstant()));
    taskService.saveTask(task);
  }

  private void bringToApproval(String number) {
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "Charged twice");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora",
        Map.of("decision", "UPHOLD", "compensationAmount", 5000.0, "decisionGrounds", "Refund and compensate"));
  }

  private String submit(String reference, boolean vulnerable) throws Exception {
    String body = Submissions.creditCardComplaint(reference + "-" + System.nanoTime());
    if (vulnerable) {
      body = body.replace("\"dateOfBirth\": \"1980-05-17\"", "\"dateOfBirth\": \"1980-05-17\", \"vulnerable\": true");
    }
    String response = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(response).get("complaintNumber").asText();
    mine.add(number);
    return number;
  }
}
