package io.disputeflow.insight;

import static io.disputeflow.insight.ComplaintRows.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.PolicyImprovementProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** 溯源整改 through the real application: the root cause at closing starts, or joins, a policy improvement. */
// its own database: the recurrence it checks counts every complaint closed with the same cause
@SpringBootTest(properties = "disputeflow.test.context=policy-improvement")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DatabaseTest
class PolicyImprovementApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseWorker worker;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PolicyImprovementService service;
  @Autowired PolicyImprovementRepository improvements;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldStartAnImprovementWhenAComplaintClosesWithASystemicCauseAndVerifyItsFixLater() throws Exception {
    // given a complaint resolved and surveyed, waiting for its root cause (on a stopped engine clock)
    ClockUtil.setCurrentTime(new Date());
    String number = resolvedComplaint("APP-PI-1");

    // when the coordinator records a systemic system fault of digital banking
    worker.complete(worker.openTask(number, FeedbackProcess.USER_RECORD_ROOT_CAUSE), "cora", Map.of("rootCause",
        "SYSTEM_FAULT", "rootCauseDepartment", "dept-digital", "systemicCause", true, "rootCauseNotes", "Double posting"));

    // then the case closes and one improvement is opened for digital banking, linked to the complaint
    assertThat(jdbc.sql("SELECT status FROM complaint WHERE complaint_number = ?").param(number)
        .query(String.class).single()).isEqualTo("CLOSED");
    var improvement = improvements.findOpen("dept-digital", "SYSTEM_FAULT").orElseThrow();
    assertThat(improvement.businessKey()).isEqualTo("PI-DIGITAL-" + improvement.id());
    assertThat(improvement.triggerReason()).isEqualTo("SYSTEMIC");
    assertThat(improvements.linkedComplaints(improvement.id())).extracting(l -> l.complaintNumber())
        .containsExactly(number);
    String key = improvement.businessKey();
    assertThat(runtimeService.getVariables(improvement.processInstanceId()))
        .containsEntry("department", "dept-digital")
        .containsEntry("rootCauseLabel", "System fault / 系统故障")
        .containsEntry("linkedComplaintCount", 1L)
        .containsEntry("verifyAfter", "P90D");

    // when digital banking analyses and fixes it
    worker.complete(key, PolicyImprovementProcess.USER_ANALYSE_ROOT_CAUSE, "diana",
        Map.of("analysis", "Retry after timeout posted twice", "actionPlan", "Idempotent posting"));
    worker.complete(key, PolicyImprovementProcess.USER_IMPLEMENT_FIX, "diana",
        Map.of("fixDescription", "Posting keyed by transaction id since release 4.2"));
    Map<String, Object> fix = jdbc.sql("SELECT fixed_by, fix_description, analysis FROM policy_improvement WHERE id = ?")
        .param(improvement.id()).query().singleRow();
    assertThat(fix).containsEntry("FIXED_BY", "diana").containsEntry("ANALYSIS", "Retry after timeout posted twice");

    // then the verification waits 90 days and compares the faults closed in the 90 days before the fix
    // (the complaint and one more) with those since (one)
    OffsetDateTime fixedAt = jdbc.sql("SELECT fixed_at FROM policy_improvement WHERE id = ?").param(improvement.id())
        .query(OffsetDateTime.class).single();
    var timer = managementService.createJobQuery().processInstanceId(improvement.processInstanceId()).singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(fixedAt.toInstant().plus(Duration.ofDays(90)));
    complaint(jdbc, "PI-REC-1", fixedAt.minusDays(40)).closedWithRootCause("SYSTEM_FAULT", "dept-digital", false,
        fixedAt.minusDays(30)).insert();
    complaint(jdbc, "PI-REC-2", fixedAt.plusDays(10)).closedWithRootCause("SYSTEM_FAULT", "dept-digital", false,
        fixedAt.plusDays(20)).insert();
    ClockUtil.setCurrentTime(Date.from(fixedAt.plusDays(90).plusMinutes(1).toInstant()));
    managementService.executeJob(timer.getId());
    assertThat(runtimeService.getVariables(improvement.processInstanceId()))
        .containsEntry("recurrenceBeforeFix", 2L).containsEntry("recurrenceSinceFix", 1L);

    // when the supervisor finds the fix effective
    worker.complete(worker.openTask(key, PolicyImprovementProcess.USER_VERIFY_FIX), "sam",
        Map.of("fixEffective", true, "verificationNotes", "One recurrence, from an old transaction"));

    // then the improvement is done, and a new systemic fault of the same kind opens a new one
    Map<String, Object> done = jdbc.sql("SELECT status, open_key, verified_by, effective FROM policy_improvement"
        + " WHERE id = ?").param(improvement.id()).query().singleRow();
    assertThat(done).containsEntry("STATUS", "DONE").containsEntry("VERIFIED_BY", "sam").containsEntry("EFFECTIVE", true);
    assertThat(done.get("OPEN_KEY")).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(improvement.processInstanceId()).count())
        .isZero();
    String again = complaint(jdbc, "PI-AGAIN-1", now().minusDays(3))
        .closedWithRootCause("SYSTEM_FAULT", "dept-digital", true, now()).insert();
    assertThat(service.consider(again)).isPresent().get().isNotEqualTo(key);
  }

  @Test
  void shouldStartOneImprovementWhenACauseRecursThreeTimesInThirtyDaysAndLetLaterTriggersJoinIt() {
    // given mis-selling of wealth products: once 40 days ago (outside the window), then twice recently
    // (other test classes of the shared context may leave improvements of the wealth department open)
    long wealthImprovementsBefore = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PolicyImprovementProcess.KEY).variableValueEquals("department", "dept-wealth").count();
    OffsetDateTime now = now();
    closed("PI-W-1", now.minusDays(40), false);
    closed("PI-W-2", now.minusDays(10), false);
    String third = closed("PI-W-3", now.minusDays(2), false);
    assertThat(service.consider(third)).isEmpty();

    // when the third within 30 days closes
    String fourth = closed("PI-W-4", now.minusSeconds(5), false);
    Optional<String> started = service.consider(fourth);

    // then one improvement starts for wealth management, linked to the three that caused it
    assertThat(started).isPresent();
    var improvement = improvements.findByBusinessKey(started.get()).orElseThrow();
    assertThat(improvement.businessKey()).startsWith("PI-WEALTH-");
    assertThat(improvement.triggerReason()).isEqualTo("REPEATED");
    assertThat(improvements.linkedComplaints(improvement.id())).extracting(l -> l.complaintNumber())
        .containsExactly("PI-W-2", "PI-W-3", "PI-W-4");
    assertThat(worker.openTask(started.get(), PolicyImprovementProcess.USER_ANALYSE_ROOT_CAUSE)).isNotNull();

    // when a fourth repeat and a systemic one follow
    assertThat(service.consider(closed("PI-W-5", now.minusSeconds(4), false))).isEqualTo(started);
    assertThat(service.consider(closed("PI-W-6", now.minusSeconds(3), true))).isEqualTo(started);

    // then they join the open improvement instead of opening another
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PolicyImprovementProcess.KEY)
        .variableValueEquals("department", "dept-wealth").count()).isEqualTo(wealthImprovementsBefore + 1);
    assertThat(improvements.linkedComplaints(improvement.id())).extracting(l -> l.complaintNumber() + ":"
        + l.triggerReason()).containsExactly("PI-W-2:REPEATED", "PI-W-3:REPEATED", "PI-W-4:REPEATED",
        "PI-W-5:REPEATED", "PI-W-6:SYSTEMIC");
    Map<String, Object> variables = runtimeService.getVariables(improvement.processInstanceId());
    assertThat(variables).containsEntry("linkedComplaintCount", 5L);
    assertThat((String) variables.get("linkedComplaints")).contains("PI-W-6 · Wealth management / 理财产品")
        .contains("(systemic / 系统性)");

    // and another root cause of the same department, once, starts nothing; neither does a case without one
    assertThat(service.consider(complaint(jdbc, "PI-W-7", now.minusDays(1))
        .closedWithRootCause("PRODUCT_DESIGN", "dept-wealth", false, now.minusSeconds(2)).insert())).isEmpty();
    assertThat(service.consider(complaint(jdbc, "PI-W-8", now.minusDays(1)).insert())).isEmpty();
  }

  @Test
  void shouldOpenOneImprovementLinkedToAllWhenComplaintsOfOneCauseCloseAtOnce() throws Exception {
    // given six loan complaints with the same cause closing at the same moment, each in its own transaction
    OffsetDateTime now = now();
    ExecutorService closings = Executors.newFixedThreadPool(6);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Optional<String>>> triggered = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      String number = "PI-AT-ONCE-" + i;
      triggered.add(closings.submit(() -> {
        gate.await();
        return transactions.execute(status -> service.consider(complaint(jdbc, number, now.minusDays(5))
            .with("product", "PERSONAL_LOAN").closedWithRootCause("PROCESS_ERROR", "dept-loans", false, now).insert()));
      }));
    }
    gate.countDown();
    List<Optional<String>> outcomes = new ArrayList<>();
    for (Future<Optional<String>> closing : triggered) {
      outcomes.add(closing.get(1, TimeUnit.MINUTES));
    }
    closings.shutdown();

    // then every closing succeeded: the first two below the threshold, the third opened, the rest joined
    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(2);
    assertThat(outcomes).filteredOn(Optional::isPresent).extracting(Optional::get).hasSize(4).containsOnly(
        outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow());
    var improvement = improvements.findAll().stream().filter(i -> i.department().equals("dept-loans")).toList();
    assertThat(improvement).hasSize(1);
    assertThat(improvements.linkedComplaints(improvement.get(0).id())).extracting(l -> l.complaintNumber())
        .containsExactlyInAnyOrder("PI-AT-ONCE-1", "PI-AT-ONCE-2", "PI-AT-ONCE-3", "PI-AT-ONCE-4", "PI-AT-ONCE-5",
            "PI-AT-ONCE-6");
    assertThat(runtimeService.getVariables(improvement.get(0).processInstanceId()))
        .containsEntry("linkedComplaintCount", 6L);
  }

  private String closed(String number, OffsetDateTime closedAt, boolean systemic) {
    return complaint(jdbc, number, closedAt.minusDays(12)).with("product", "WEALTH_MANAGEMENT")
        .with("issue", "理财产品风险等级不符 unsuitable product")
        .closedWithRootCause("DISCLOSURE_MIS_SELLING", "dept-wealth", systemic, closedAt).insert();
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  /** A complaint taken through investigation, review, decision, acceptance and the survey. */
  private String resolvedComplaint(String reference) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(body).get("complaintNumber").asText();
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "Charged twice by the app");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-digital"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "diana",
        Map.of("reviewFindings", "Double posting confirmed", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora", Map.of("decision", "UPHOLD",
        "compensationAmount", 0.0, "decisionGrounds", "Refund of the second charge"));
    mvc.perform(post("/api/complaints/" + number + "/customer-response").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\": true}")).andExpect(status().isAccepted());
    worker.runJobs(number);
    mvc.perform(post("/api/complaints/" + number + "/survey").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 4}")).andExpect(status().isAccepted());
    worker.runJobs(number);
    return number;
  }
}
