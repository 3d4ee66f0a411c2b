package io.disputeflow.insight;

import static io.disputeflow.insight.ComplaintRows.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.disputeflow.insight.IntakeCounts.Window;
import io.disputeflow.process.EarlyWarningProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An outage through the real application: complaints arrive by the API, the detector (run by hand on
 * the engine clock, as the schedule would every five minutes) raises alerts, a supervisor resolves one.
 * It plays in March 2030, which no other test uses.
 */
@ApiTest
@DatabaseTest
class EarlyWarningApiTests {

  /** A Wednesday morning in Shanghai. */
  private static final OffsetDateTime OUTAGE = OffsetDateTime.parse("2030-03-06T10:00:00+08:00");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired EarlyWarnings earlyWarnings;
  @Autowired EarlyWarningRepository repository;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CaseWorker worker;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldAlertASupervisorWithinMinutesOfAnOutageAndClearTheAlertWhenResolved() throws Exception {
    // given four weeks of ordinary intake: in office hours one failed transfer and two card disputes an hour
    for (int day = 28; day >= 1; day--) {
      for (int hour = 8; hour <= 18; hour++) {
        OffsetDateTime at = OUTAGE.minusDays(day).withHour(hour).withMinute(20);
        baseline("EW-B-" + day + "-" + hour + "-T", at, "TRANSACTION_FAILURE", "ONLINE_BANKING");
        baseline("EW-B-" + day + "-" + hour + "-C1", at, "BILLING_DISPUTE", "CREDIT_CARD");
        baseline("EW-B-" + day + "-" + hour + "-C2", at.plusMinutes(30), "BILLING_DISPUTE", "CREDIT_CARD");
      }
    }
    setClock(OUTAGE);
    assertThat(earlyWarnings.check()).isEmpty();

    // when an outage brings failed-transfer complaints through the API, one every 72 seconds, and the
    // detector checks every five minutes
    List<String> raised = new ArrayList<>();
    OffsetDateTime alertedAt = null;
    for (int i = 0; i < 50; i++) {
      OffsetDateTime now = OUTAGE.plusSeconds(72L * i);
      setClock(now);
      submitFailedTransfer(i);
      if (alertedAt == null && now.getMinute() / 5 != now.plusSeconds(72).getMinute() / 5) {
        setClock(now.plusSeconds(72).withSecond(0));
        raised.addAll(earlyWarnings.check());
        alertedAt = raised.isEmpty() ? null : now;
      }
    }

    // then both the category and the product alert, within 20 minutes, each with a supervisor's task
    assertThat(alertedAt).isNotNull();
    assertThat(Duration.between(OUTAGE, alertedAt)).isLessThanOrEqualTo(Duration.ofMinutes(20));
    assertThat(raised).hasSize(2);
    EarlyWarning category = repository.findOpen(IntakeDimension.CATEGORY, "TRANSACTION_FAILURE").orElseThrow();
    EarlyWarning product = repository.findOpen(IntakeDimension.PRODUCT, "ONLINE_BANKING").orElseThrow();
    assertThat(raised).containsExactlyInAnyOrder(category.businessKey(), product.businessKey());
    assertThat(category.expected()).isEqualTo(1.0);
    Task review = reviewTask(category.businessKey());
    assertThat(review.getPriority()).isEqualTo(90);
    assertThat(review.getDueDate()).isEqualTo(Date.from(category.raisedAt().plusHours(4).toInstant()));
    assertThat(taskService.getVariables(review.getId())).containsEntry("warningLabel", "Transaction failure / 交易失败")
        .containsEntry("expectedCount", "1.0");

    // and later checks refresh the open alerts instead of raising more
    setClock(OUTAGE.plusMinutes(60));
    assertThat(earlyWarnings.check()).isEmpty();
    mvc.perform(get("/api/reports/early-warnings").param("status", "open").with(httpBasic("sam", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.businessKey == '" + category.businessKey() + "')].peakObserved").value(50))
        .andExpect(jsonPath("$[?(@.businessKey == '" + product.businessKey() + "')].label")
            .value("Online banking / 网上银行"));

    // when the supervisor records what it was
    CaseWorker.authenticate(identityService, "sam");
    try {
      taskService.claim(review.getId(), "sam");
      taskService.complete(review.getId(), Map.of("assessment", "INCIDENT",
          "actionsTaken", "Payment gateway restarted; customers refunded fees"));
    } finally {
      identityService.clearAuthentication();
    }
    worker.runJobs(category.businessKey());

    // then that alert is cleared and stays cleared while its window is still full; the other stays open
    EarlyWarning resolved = repository.findByBusinessKey(category.businessKey()).orElseThrow();
    assertThat(resolved.status()).isEqualTo("RESOLVED");
    assertThat(resolved.resolvedBy()).isEqualTo("sam");
    assertThat(resolved.assessment()).isEqualTo("INCIDENT");
    setClock(OUTAGE.plusMinutes(65));
    assertThat(earlyWarnings.check()).isEmpty();
    assertThat(repository.findOpen(IntakeDimension.CATEGORY, "TRANSACTION_FAILURE")).isEmpty();
    mvc.perform(get("/api/reports/early-warnings").param("status", "RESOLVED").with(httpBasic("helen", "demo")))
        .andExpect(jsonPath("$[?(@.businessKey == '" + category.businessKey() + "')].resolutionNotes")
            .value("Payment gateway restarted; customers refunded fees"));
    mvc.perform(get("/api/reports/early-warnings").with(httpBasic("cora", "demo"))).andExpect(status().isForbidden());
  }

  @Test
  void shouldRaiseOneAlertPerKeyWhenTwoNodesCheckAtOnce() throws Exception {
    // given a spike of remittance complaints (rows written directly) with a quiet history
    OffsetDateTime now = OffsetDateTime.parse("2030-06-12T15:00:00+08:00");
    for (int week = 1; week <= 4; week++) {
      baseline("EW-R-B" + week, now.minusWeeks(week).minusMinutes(30), "REMITTANCE", "CROSS_BORDER_REMITTANCE");
    }
    for (int i = 0; i < 25; i++) {
      baseline("EW-R-" + i, now.minusMinutes(50).plusMinutes(2L * i), "REMITTANCE", "CROSS_BORDER_REMITTANCE");
    }
    setClock(now);

    // when two nodes check at the same moment
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Callable<List<String>> check = () -> earlyWarnings.check();
      List<Future<List<String>>> results = nodes.invokeAll(List.of(check, check));
      List<String> raised = new ArrayList<>();
      for (Future<List<String>> result : results) {
        raised.addAll(result.get());
      }

      // then each key has one alert and one review process, whichever node raised it
      assertThat(raised).hasSize(2).doesNotHaveDuplicates();
    } finally {
      nodes.shutdown();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM early_warning WHERE dimension_value IN ('REMITTANCE',"
        + " 'CROSS_BORDER_REMITTANCE')").query(Long.class).single()).isEqualTo(2);
    EarlyWarning open = repository.findOpen(IntakeDimension.PRODUCT, "CROSS_BORDER_REMITTANCE").orElseThrow();
    assertThat(reviewTask(open.businessKey())).isNotNull();
    // the guard itself: a second open alert for the same key cannot be written
    Window window = new Window(now.minusHours(1), now);
    assertThatThrownBy(() -> repository.insert(IntakeDimension.PRODUCT, "CROSS_BORDER_REMITTANCE", window,
        new SpikeTest.Assessment(25, 0.25, 1e-9, true), now)).isInstanceOf(DuplicateKeyException.class);
  }

  private Task reviewTask(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(EarlyWarningProcess.USER_REVIEW_EARLY_WARNING).taskCandidateGroup("supervisor")
        .singleResult();
  }

  private void baseline(String number, OffsetDateTime receivedAt, String category, String product) {
    complaint(jdbc, number, receivedAt).with("category", category).with("product", product).insert();
  }

  private void submitFailedTransfer(int i) throws Exception {
    mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"channel": "MOBILE_APP", "externalReference": "OUTAGE-%d",
                 "customer": {"customerId": "C-OUTAGE-%d", "name": "客户%d", "phone": "13900000%03d"},
                 "product": "ONLINE_BANKING", "issue": "手机银行转账失败 transfer failed",
                 "narrative": "转账显示失败但已扣款。"}
                """.formatted(i, i, i, i)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.category", is("TRANSACTION_FAILURE")));
  }

  private static void setClock(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }
}
