package io.disputeflow.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ComplaintVariables;
import io.disputeflow.process.DepartmentReviewProcess;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.process.RedressPaymentProcess;
import io.disputeflow.process.ResolutionProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The compensation granted is paid, failed and retried, or paid late, through the real application. */
@ApiTest
@DatabaseTest
class RedressApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldSendAFailedPaymentBackToTheCoordinatorAndCloseOnlyOncePaid() throws Exception {
    // given a decision granting 800 that the customer accepted
    String number = decidedAndAccepted("RD-0001", 800.0);

    // when the accounts department's payment fails
    worker.complete(number, RedressPaymentProcess.USER_PAY_REDRESS, "anna", Map.of("paymentOutcome", "FAILED",
        "paymentAccount", "6222 0210 0100 1234", "paymentFailureReason", "Account closed / 账户已销户"));

    // then the coordinator has it, with the reason, and the case waits: no survey yet
    JsonNode failed = complaint(number).get("redress");
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("lastFailure").asText()).isEqualTo("Account closed / 账户已销户");
    assertThat(failed.get("attempts").asInt()).isEqualTo(1);
    worker.complete(number, RedressPaymentProcess.USER_RESOLVE_FAILED_PAYMENT, "cora",
        Map.of("paymentAccount", "6222 0210 0100 9999", "failedPaymentNotes", "Customer gave a new account"));
    assertThat(complaint(number).get("redress").get("status").asText()).isEqualTo("DUE");
    assertThat(complaint(number).get("awaiting")).isEmpty();
    // a final decision's compensation being paid is not withdrawn: the case closes once paid
    mvc.perform(post("/api/complaints/" + number + "/withdrawal").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"changed my mind\"}"))
        .andExpect(status().isConflict());

    // when the accounts department pays into the corrected account
    worker.complete(number, RedressPaymentProcess.USER_PAY_REDRESS, "anna", Map.of("paymentOutcome", "PAID",
        "paymentAccount", "6222 0210 0100 9999", "paymentReference", "TRX-RD-0001"));

    // then it is paid, on time, by anna, and the survey follows
    JsonNode paid = complaint(number).get("redress");
    assertThat(paid.get("status").asText()).isEqualTo("PAID");
    assertThat(paid.get("account").asText()).isEqualTo("6222 0210 0100 9999");
    assertThat(paid.get("paidBy").asText()).isEqualTo("anna");
    assertThat(paid.get("attempts").asInt()).isEqualTo(2);
    assertThat(paid.get("paidOnTime").asBoolean()).isTrue();
    assertThat(complaint(number).get("stage").asText()).isEqualTo("FEEDBACK");
  }

  @Test
  void shouldHaveTheSupervisorChaseALatePaymentAndReportItLate() throws Exception {
    // given a decision granting 300 that the customer accepted, the payment due in seven days
    String number = decidedAndAccepted("RD-0002", 300.0);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    var period = get("/api/reports/summary").param("from", today.minusDays(1).toString())
        .param("to", today.plusDays(1).toString());
    JsonNode before = read(period, "sam").get("total");

    // when eight days pass unpaid
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
    worker.runJobs(number);

    // then the supervisor chases it
    worker.complete(number, RedressPaymentProcess.USER_CHASE_REDRESS_PAYMENT, "sam",
        Map.of("redressChaseNotes", "Called the accounts department"));

    // when it is paid at last
    worker.payRedress(number);

    // then it is on file as paid late, and the report counts it paid but not on time
    assertThat(complaint(number).get("redress").get("paidOnTime").asBoolean()).isFalse();
    JsonNode after = read(period, "sam").get("total");
    assertThat(after.get("redressPaid").asLong()).isEqualTo(before.get("redressPaid").asLong() + 1);
    assertThat(after.get("redressPaidOnTime").asLong()).isEqualTo(before.get("redressPaidOnTime").asLong());
    assertThat(after.get("redressOwed").asLong()).isEqualTo(before.get("redressOwed").asLong());
  }

  private String decidedAndAccepted(String reference, double compensation) throws Exception {
    String body = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint(reference)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(body).get("complaintNumber").asText();
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigationFindings", "重复扣款属实");
    investigation.put("legalNeeded", false);
    ComplaintVariables.DEPARTMENTS.put(investigation, List.of("dept-cards"));
    worker.complete(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT, "cora", investigation);
    worker.complete(number, DepartmentReviewProcess.USER_REVIEW_DEPARTMENT, "carl",
        Map.of("reviewFindings", "Confirmed", "reviewRecommendation", "UPHOLD"));
    worker.complete(number, ResolutionProcess.USER_PROPOSE_RESOLUTION, "cora", Map.of("decision", "UPHOLD",
        "compensationAmount", compensation, "decisionGrounds", "Refund the duplicate charge"));
    mvc.perform(post("/api/complaints/" + number + "/customer-response").with(httpBasic("intake", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\": true}")).andExpect(status().isAccepted());
    worker.runJobs(number);
    return number;
  }

  private JsonNode complaint(String number) throws Exception {
    return read(get("/api/complaints/" + number), "cora");
  }

  private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
      throws Exception {
    return json.readTree(mvc.perform(request.with(httpBasic(user, "demo"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
