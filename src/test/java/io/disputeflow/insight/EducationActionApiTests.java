package io.disputeflow.insight;

import static io.disputeflow.insight.ComplaintRows.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.FinancialEducationProcess;
import io.disputeflow.process.PolicyImprovementProcess;
import io.disputeflow.support.CaseWorker;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 客户教育、宣传 through the real application: a policy improvement's analysis finds customers misunderstand
 * a wealth product and opens an education action; the department plans and holds it; ninety days later
 * (engine clock) its effect on complaints of that product and cause is measured and assessed; the API lists it.
 */
// the policy improvements' database: the effect it checks counts every complaint closed with the same product and cause
@SpringBootTest(properties = "disputeflow.test.context=policy-improvement")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EducationActionApiTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PolicyImprovementService improvements;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldOpenPlanHoldAndMeasureAnEducationActionNinetyDaysAfterItWasHeld() throws Exception {
    // given an improvement of the wealth department: elderly customers took a fund's yield as guaranteed
    ClockUtil.setCurrentTime(new Date());
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    String key = improvements.consider(misunderstood("EA-CAUSE-1", now.minusDays(3), true)).orElseThrow();

    // when the department's analysis asks for customers to be educated about wealth products
    worker.complete(key, PolicyImprovementProcess.USER_ANALYSE_ROOT_CAUSE, "wendy", Map.of("analysis",
        "Customers over 65 read the expected yield as guaranteed", "actionPlan", "Rewrite the risk disclosure",
        "educationNeeded", true, "educationProduct", "WEALTH_MANAGEMENT"));

    // then an education action is open for the wealth department to plan, listed with what opened it
    JsonNode opened = list("sam", "").get(0);
    String action = opened.get("businessKey").asText();
    assertThat(action).startsWith("EA-");
    assertThat(opened.get("improvementKey").asText()).isEqualTo(key);
    assertThat(opened.get("status").asText()).isEqualTo("PLANNING");
    assertThat(opened.get("product").asText()).isEqualTo("WEALTH_MANAGEMENT");
    assertThat(opened.get("rootCause").asText()).isEqualTo("CUSTOMER_MISUNDERSTANDING");
    assertThat(worker.openTask(key, PolicyImprovementProcess.USER_IMPLEMENT_FIX)).isNotNull();

    // when the department plans a branch talk (a channel the form does not offer is refused first)
    assertThatThrownBy(() -> worker.complete(action, FinancialEducationProcess.USER_PLAN_EDUCATION_ACTION, "wendy",
        plan("TV_SHOW"))).hasMessageContaining("educationChannel").hasMessageContaining("'TV_SHOW' is not one of");
    // (the refused completion left the task claimed by wendy, as in Tasklist)
    worker.complete(task(action, FinancialEducationProcess.USER_PLAN_EDUCATION_ACTION), "wendy", plan("BRANCH_TALK"));

    // and records it once held (not before: a talk in the future is refused), reaching 120 customers
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(SHANGHAI).toLocalDate();
    assertThatThrownBy(() -> worker.complete(action, FinancialEducationProcess.USER_RECORD_EDUCATION_DELIVERY,
        "wendy", Map.of("educationHeldOn", today.plusDays(1).toString(), "educationReach", 120L)))
        .hasMessageContaining("is in the future");
    LocalDate heldOn = today.minusDays(1);
    worker.complete(task(action, FinancialEducationProcess.USER_RECORD_EDUCATION_DELIVERY), "wendy",
        Map.of("educationHeldOn", heldOn.toString(), "educationReach", 120L, "deliveryNotes", "Many questions on risk"));
    mvc.perform(get("/api/reports/education-actions/" + action).with(httpBasic("sam", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status", is("HELD")))
        .andExpect(jsonPath("$.channel", is("BRANCH_TALK")))
        .andExpect(jsonPath("$.audience", is("Customers over 65 holding wealth products")))
        .andExpect(jsonPath("$.plannedBy", is("wendy")))
        .andExpect(jsonPath("$.heldOn", is(heldOn.toString())))
        .andExpect(jsonPath("$.reach", is(120)))
        .andExpect(jsonPath("$.effect").doesNotExist());

    // then its effect is measured ninety days after the day it was held: two such complaints closed in the
    // ninety days before (and one of another product, which does not count), one since
    OffsetDateTime heldAt = heldOn.atStartOfDay(SHANGHAI).toOffsetDateTime();
    var timer = managementService.createJobQuery().processInstanceId(instanceOf(action)).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(heldAt.plusDays(90).toInstant());
    misunderstood("EA-BEFORE-1", heldAt.minusDays(60), false);
    misunderstood("EA-BEFORE-2", heldAt.minusDays(5), false);
    complaint(jdbc, "EA-OTHER-1", heldAt.minusDays(20)).with("product", "CREDIT_CARD")
        .closedWithRootCause("CUSTOMER_MISUNDERSTANDING", "dept-cards", false, heldAt.minusDays(10)).insert();
    misunderstood("EA-SINCE-1", heldAt.plusDays(30), false);
    ClockUtil.setCurrentTime(Date.from(heldAt.plusDays(90).plusMinutes(1).toInstant()));
    managementService.executeJob(timer.getId());
    JsonNode measured = list("helen", "?status=measured").get(0);
    assertThat(measured.get("businessKey").asText()).isEqualTo(action);
    // the improvement's own complaint closed two days before the talk: it counts before
    assertThat(measured.get("effect").get("complaintsBefore").asInt()).isEqualTo(3);
    assertThat(measured.get("effect").get("complaintsSince").asInt()).isEqualTo(1);
    assertThat(measured.get("effect").get("change").asInt()).isEqualTo(-2);

    // when the supervisor finds it effective
    worker.complete(action, FinancialEducationProcess.USER_ASSESS_EDUCATION_EFFECT, "sam", Map.of(
        "educationEffective", true, "assessmentNotes", "Complaints fell from 3 to 1", "anotherAction", false));

    // then the action is done with the verdict, and the process has ended
    mvc.perform(get("/api/reports/education-actions/" + action).with(httpBasic("audrey", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status", is("DONE")))
        .andExpect(jsonPath("$.effective", is(true)))
        .andExpect(jsonPath("$.assessedBy", is("sam")));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(action).count()).isZero();
  }

  @Test
  void shouldLetOnlyThoseWhoOverseeTheOfficeReadEducationActionsAndRefuseAnUnknownStatus() throws Exception {
    mvc.perform(get("/api/reports/education-actions").with(httpBasic("wendy", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/education-actions?status=LOST").with(httpBasic("sam", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field", is("status")));
    mvc.perform(get("/api/reports/education-actions/EA-999999").with(httpBasic("sam", "demo")))
        .andExpect(status().isNotFound());
  }

  private org.camunda.bpm.engine.task.Task task(String businessKey, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
  }

  private String instanceOf(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  private static Map<String, Object> plan(String channel) {
    return Map.of("educationAudience", "Customers over 65 holding wealth products", "educationChannel", channel,
        "educationMaterials", "Leaflet: expected yield is not guaranteed; principal at risk",
        "educationPlannedOn", LocalDate.now(SHANGHAI).toString());
  }

  private String misunderstood(String number, OffsetDateTime closedAt, boolean systemic) {
    return complaint(jdbc, number, closedAt.minusDays(12)).with("product", "WEALTH_MANAGEMENT")
        .with("issue", "以为理财产品保本 thought the fund was guaranteed")
        .closedWithRootCause("CUSTOMER_MISUNDERSTANDING", "dept-wealth", systemic, closedAt).insert();
  }

  private JsonNode list(String user, String query) throws Exception {
    String body = mvc.perform(get("/api/reports/education-actions" + query).with(httpBasic(user, "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }
}
