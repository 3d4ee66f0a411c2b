package io.disputeflow.security;

import io.disputeflow.support.ApplicationEngine;
import io.disputeflow.support.ApplicationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.Submissions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint family × every group × anonymous, over real HTTP (our API, actuator, OpenAPI and
 * Camunda's engine REST API, which MockMvc cannot reach). An action answers its status when the
 * caller's group may do it, 403 when not, 401 without credentials; an engine query answers 200 to
 * everyone signed in but shows only what the caller may read.
 */
@ApplicationTest
class AccessRulesTests {

  /** One demo user per group; null is a caller without credentials. */
  static final Map<String, String> USERS = users();

  private static Map<String, String> users() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("coordinator", "cora");
    users.put("supervisor", "sam");
    users.put("head-of-consumer-protection", "helen");
    users.put("dept-cards", "carl");
    users.put("dept-collections", "colin");
    users.put("legal", "lara");
    users.put("process-owner", "paul");
    users.put("auditor", "audrey");
    users.put("intake", "intake");
    users.put("camunda-admin", "admin");
    users.put("monitoring", "monitor");
    users.put("anonymous", null);
    return users;
  }

  private static final AtomicInteger REFERENCES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void useThisApplicationsEngine(@Autowired ProcessEngine engine) {
    ApplicationEngine.registerForWebRequests(engine);
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private String shared;

  /** A family of endpoints: the request a user sends, and the status for each user allowed to. */
  record Family(String name, Function<String, HttpResponse<String>> call, Map<String, Integer> allowed) {}

  @TestFactory
  Stream<DynamicTest> shouldAnswerEachGroupOnlyWithinItsPart() {
    List<Family> families = List.of(
        new Family("POST /api/complaints", user -> post(user, "/api/complaints", newComplaint()),
            Map.of("intake", 201)),
        new Family("GET /api/complaints/{n}", user -> get(user, "/api/complaints/" + shared()),
            Map.of("cora", 200, "sam", 200, "helen", 200, "audrey", 200, "intake", 200, "carl", 200)),
        new Family("GET /api/complaints", user -> get(user, "/api/complaints?size=1"),
            Map.of("cora", 200, "sam", 200, "helen", 200, "audrey", 200)),
        new Family("POST /api/complaints/{n}/survey (not awaited: 409)",
            user -> post(user, "/api/complaints/" + shared() + "/survey", "{\"score\": 4}"), Map.of("intake", 409)),
        new Family("POST /api/complaints/{n}/extension-requests",
            user -> post(user, "/api/complaints/" + freshComplaint(user) + "/extension-requests", "{\"reason\": \"r\"}"),
            Map.of("cora", 202, "sam", 202)),
        new Family("POST /api/complaints/{n}/clock/pause",
            user -> post(user, "/api/complaints/" + freshComplaint(user) + "/clock/pause", "{\"reason\": \"r\"}"),
            Map.of("cora", 202, "sam", 202)),
        // evidence documents: added by coordinators and the channel, read as the case is (the cards department
        // reviews the shared complaint; collections and legal counsel do not)
        new Family("POST /api/complaints/{n}/documents", user -> send(user, "POST",
            "/api/complaints/" + shared() + "/documents", "multipart/form-data; boundary=probe",
            BodyPublishers.ofString("--probe\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--probe--\r\n")),
            Map.of("cora", 201, "intake", 201)),
        new Family("GET /api/complaints/{n}/documents", user -> get(user, "/api/complaints/" + shared() + "/documents"),
            Map.of("cora", 200, "sam", 200, "helen", 200, "audrey", 200, "carl", 200)),
        // the timeline export is part of the case file a coordinator sends an outside body
        new Family("GET /api/complaints/{n}/timeline", user -> get(user, "/api/complaints/" + shared() + "/timeline"),
            Map.of("cora", 200, "sam", 200, "helen", 200, "audrey", 200)),
        new Family("POST /api/complaints/{n}/external-referrals", user -> post(user, "/api/complaints/" + shared()
                + "/external-referrals", "{\"body\": \"MEDIATION\", \"organisation\": \"Centre\", \"reference\": \"R-"
                + user + "\", \"referredAt\": \"2026-01-05T10:00:00+08:00\"}"),
            Map.of("intake", 201, "cora", 201, "sam", 201, "helen", 201)),
        // only a closed case is reopened: the open shared complaint tells those who may 409
        new Family("POST /api/complaints/{n}/reopening (not closed: 409)", user -> post(user, "/api/complaints/"
                + shared() + "/reopening", "{\"reason\": \"r\", \"ground\": \"NEW_FACTS\"}"),
            Map.of("cora", 409, "sam", 409)),
        new Family("GET /api/reports/summary", user -> get(user, "/api/reports/summary"),
            Map.of("sam", 200, "helen", 200, "audrey", 200, "paul", 200)),
        // a file without the CFPB columns: refused as bad input (400) to those who may import
        new Family("POST /api/imports/cfpb", user -> send(user, "POST", "/api/imports/cfpb", "text/csv",
            BodyPublishers.ofString("Complaint ID\n1\n")), Map.of("intake", 400, "cora", 400)),
        // background imports' progress: those who import and those who oversee the office
        new Family("GET /api/imports", user -> get(user, "/api/imports"),
            Map.of("intake", 200, "cora", 200, "sam", 200, "helen", 200, "audrey", 200, "paul", 200)),
        new Family("GET /audit/complaints/{n}", user -> get(user, "/audit/complaints/" + shared()),
            Map.of("audrey", 200)),
        new Family("GET /api/process-versions", user -> get(user, "/api/process-versions"),
            Map.of("paul", 200, "sam", 200, "helen", 200, "audrey", 200)),
        // a dry run changes nothing; version 1 is the latest here, so an allowed caller is told 400
        new Family("POST /api/process-versions/{key}/migrate", user -> post(user,
            "/api/process-versions/complaint-handling/migrate", "{\"fromVersion\": 1, \"dryRun\": true}"),
            Map.of("paul", 400)),
        new Family("GET /actuator/info", user -> get(user, "/actuator/info"), Map.of("admin", 200)),
        new Family("GET /actuator/prometheus", user -> get(user, "/actuator/prometheus"),
            Map.of("admin", 200, "monitor", 200)),
        new Family("GET /v3/api-docs", user -> get(user, "/v3/api-docs"), everyoneSignedIn(200)),
        new Family("POST /engine-rest/task/{id}/complete",
            user -> post(user, "/engine-rest/task/" + investigationTask(freshComplaint(user)) + "/complete", """
                {"variables": {"investigationFindings": {"value": "Checked"}, "legalNeeded": {"value": false},
                  "departments": {"value": "[\\"dept-cards\\"]", "type": "Json"}}}"""),
            Map.of("cora", 204, "admin", 204)),
        // a process owner's deployment waits for a second person's approval (202); camunda-admin's is deployed
        new Family("POST /engine-rest/deployment/create", this::deploy, Map.of("paul", 202, "admin", 200)),
        new Family("PUT /engine-rest/process-instance/{id}/variables/{name}",
            user -> send(user, "PUT", "/engine-rest/process-instance/" + mainInstance(shared())
                + "/variables/securityProbe", "application/json",
                BodyPublishers.ofString("{\"value\": \"x\", \"type\": \"String\"}")), Map.of("admin", 204)));
    List<DynamicTest> tests = new ArrayList<>();
    for (Family family : families) {
      USERS.forEach((group, user) -> {
        int expected = user == null ? 401 : family.allowed().getOrDefault(user, 403);
        tests.add(dynamicTest(family.name() + " as " + group + " → " + expected, () -> {
          HttpResponse<String> response = family.call().apply(user);
          assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
          if (expected == 401 || expected == 403) {
            assertThat(response.body()).as("no stack trace").doesNotContain("\tat ").doesNotContain("at org.");
            if (!family.name().contains("/engine-rest")) {
              assertThat(response.body()).doesNotContain("Exception");
              assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
          }
        }));
      });
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> shouldShowEachGroupOnlyWhatItMayReadThroughTheEngineApi() {
    Map<String, List<String>> seers = Map.of(
        "/engine-rest/history/process-instance/count?processInstanceBusinessKey=%s", List.of("audrey", "admin"),
        "/engine-rest/task/count?processInstanceBusinessKey=%s", List.of("cora", "audrey", "admin"),
        "/engine-rest/process-instance/count?businessKey=%s", List.of("audrey", "admin"),
        "/engine-rest/process-definition/count?key=complaint-handling&x=%s",
        List.of("cora", "sam", "helen", "carl", "colin", "lara", "paul", "audrey", "admin"));
    List<DynamicTest> tests = new ArrayList<>();
    seers.forEach((query, allowed) -> USERS.forEach((group, user) -> tests.add(dynamicTest(
        "GET " + query.replace("%s", "{n}") + " as " + group, () -> {
          HttpResponse<String> response = get(user, query.formatted(shared()));
          if (user == null) {
            assertThat(response.statusCode()).isEqualTo(401);
            return;
          }
          assertThat(response.statusCode()).as(response.headers().map() + response.body()).isEqualTo(200);
          long count = json.readTree(response.body()).get("count").asLong();
          if (allowed.contains(user)) {
            assertThat(count).as("%s sees", user).isPositive();
          } else {
            assertThat(count).as("%s sees nothing", user).isZero();
          }
        }))));
    return tests.stream();
  }

  @Test
  void shouldShowAReviewingDepartmentTheFactsButNotTheCustomersContactData() throws IOException {
    // given a complaint reviewed by the cards department (Submissions: phone, e-mail, date of birth)
    String number = shared();

    // when
    var whole = json.readTree(get("cora", "/api/complaints/" + number).body());
    var masked = json.readTree(get("carl", "/api/complaints/" + number).body());

    // then
    assertThat(whole.at("/customer/phone").asText()).isEqualTo("+86 138 0013 8000");
    assertThat(whole.at("/customer/email").asText()).isEqualTo("wang.xiuying@example.cn");
    assertThat(masked.at("/customer/phone").asText()).isEqualTo("138****8000");
    assertThat(masked.at("/customer/email").asText()).isEqualTo("w***@example.cn");
    assertThat(masked.at("/customer/dateOfBirth").isMissingNode()).isTrue();
    assertThat(masked.get("narrative")).isEqualTo(whole.get("narrative"));
    assertThat(masked.get("departments")).isEqualTo(whole.get("departments"));
  }

  @Test
  void shouldOpenEachWebappOnlyToItsGroups() {
    Map<String, List<String>> applications = Map.of(
        // intake: branch desks register walk-in complaints with Tasklist's Start process
        "tasklist", List.of("coordinator", "supervisor", "head-of-consumer-protection", "dept-cards",
            "dept-collections", "legal", "intake", "process-owner", "camunda-admin"),
        "cockpit", List.of("process-owner", "auditor", "camunda-admin"),
        "admin", List.of("camunda-admin"));
    applications.forEach((application, groups) -> USERS.keySet().stream().filter(group -> !"anonymous".equals(group))
        .forEach(group -> assertThat(accessAllowed(group, application))
            .as("%s opens %s", group, application).isEqualTo(groups.contains(group))));
  }

  @Test
  void shouldSetTheAuthorizationsUpAgainWithoutDuplicatesAndUndoAChange() {
    // given someone widened the auditors' rights on tasks
    var tasks = authorizationService.createAuthorizationQuery().groupIdIn("auditor").resourceType(Resources.TASK)
        .resourceId("*").singleResult();
    tasks.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(tasks);
    long before = authorizationService.createAuthorizationQuery().count();

    // when the application starts again
    new CamundaAuthorizations(authorizationService).apply();

    // then the row is back to READ only, and nothing was added
    var restored = authorizationService.createAuthorizationQuery().groupIdIn("auditor").resourceType(Resources.TASK)
        .resourceId("*").singleResult();
    assertThat(restored.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(restored.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldGiveTasksOpenedBeforeAuthorizationsWereOnTheirGroupsOnce() {
    // given an investigation task as a database from before authorizations has it: no authorization
    String number = freshComplaint("intake");
    String task = investigationTask(number);
    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    assertThat(engineCount("cora", number)).isZero();
    managementService.deleteProperty(TaskAuthorizationBackfill.DONE_PROPERTY);

    // when the upgraded application starts
    new TaskAuthorizationBackfill(taskService, authorizationService, managementService).backfill();

    // then the coordinators see it again, the others still not, and it is remembered as done
    assertThat(engineCount("cora", number)).isOne();
    assertThat(engineCount("carl", number)).isZero();
    assertThat(managementService.getProperties()).containsKey(TaskAuthorizationBackfill.DONE_PROPERTY);
  }

  private long engineCount(String user, String number) {
    try {
      return json.readTree(get(user, "/engine-rest/task/count?processInstanceBusinessKey=" + number).body())
          .get("count").asLong();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean accessAllowed(String group, String application) {
    return authorizationService.isUserAuthorized("nobody", List.of(group), Permissions.ACCESS, Resources.APPLICATION,
        application);
  }

  private static Map<String, Integer> everyoneSignedIn(int status) {
    Map<String, Integer> all = new LinkedHashMap<>();
    USERS.values().stream().filter(java.util.Objects::nonNull).forEach(user -> all.put(user, status));
    return all;
  }

  private synchronized String shared() {
    if (shared == null) {
      shared = freshComplaint("intake");
    }
    return shared;
  }

  /** A new complaint for an allowed caller (their action changes it); callers refused need none. */
  private String freshComplaint(String user) {
    if (user == null) {
      return "CMP-2000-000001";
    }
    HttpResponse<String> created = post("intake", "/api/complaints", newComplaint());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    try {
      return json.readTree(created.body()).get("complaintNumber").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newComplaint() {
    return Submissions.creditCardComplaint("SEC-" + REFERENCES.incrementAndGet());
  }

  private String investigationTask(String number) {
    var task = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(InvestigationProcess.USER_INVESTIGATE_COMPLAINT).singleResult();
    return task == null ? "no-such-task" : task.getId();
  }

  private String mainInstance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  private HttpResponse<String> deploy(String user) {
    String boundary = "----disputeflow" + REFERENCES.incrementAndGet();
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_probe" targetNamespace="probe">
          <bpmn:process id="security-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start_probe" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe-" + user + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n"
        + "--" + boundary + "--\r\n";
    return send(user, "POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        BodyPublishers.ofString(body));
  }

  private HttpResponse<String> get(String user, String path) {
    return send(user, "GET", path, null, BodyPublishers.noBody());
  }

  private HttpResponse<String> post(String user, String path, String jsonBody) {
    return send(user, "POST", path, "application/json", BodyPublishers.ofString(jsonBody));
  }

  HttpResponse<String> send(String user, String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
