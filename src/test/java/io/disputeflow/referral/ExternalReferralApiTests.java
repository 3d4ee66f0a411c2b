package io.disputeflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.ExternalReferralProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.ClosedCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Mediation and outside referrals through the real application: case file, outcome, further redress, refusals. */
@ApiTest
class ExternalReferralApiTests {

  private static final ZoneId BANK = ZoneId.of("Asia/Shanghai");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired JdbcClient jdbc;

  private ClosedCases cases;

  @BeforeEach
  void cases() {
    cases = new ClosedCases(mvc, json, worker);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldReferAClosedCaseSendItsFileRecordTheOutcomeAndPayTheFurtherRedress() throws Exception {
    // given a case closed with 500 paid
    String number = cases.closed("XR-0001", 500.0);
    LocalDate today = LocalDate.now(BANK);
    String report = "/api/reports/summary?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    JsonNode before = cases.read(report, "sam").get("total");
    OffsetDateTime theirDeadline = OffsetDateTime.now(BANK).plusDays(20).withNano(0);

    // when the coordinator registers the customer's mediation request, with the centre's deadline
    String created = refer(number, "cora", "{\"body\": \"MEDIATION\", \"organisation\": \"银行业消费纠纷调解中心\","
        + " \"reference\": \"TJ-2026-0042\", \"referredAt\": \"" + OffsetDateTime.now(BANK).minusDays(1).withNano(0)
        + "\", \"responseDueAt\": \"" + theirDeadline + "\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("CASE_FILE_DUE"))
        .andExpect(jsonPath("$.registeredBy").value("cora"))
        .andReturn().getResponse().getHeader("Location");

    // then the referral is on the case and the coordinators must send the case file by the centre's deadline
    assertThat(created).matches("/api/complaints/" + number + "/external-referrals/\\d+");
    JsonNode referral = cases.read(created, "sam");
    assertThat(OffsetDateTime.parse(referral.get("caseFileDueAt").asText()).toInstant()).isEqualTo(theirDeadline.toInstant());
    // every time as the bank's zone writes it, whatever the database answers with
    assertThat(referral.get("caseFileDueAt").asText()).endsWith("+08:00");
    assertThat(referral.get("registeredAt").asText()).endsWith("+08:00");
    JsonNode listed = cases.read("/api/complaints/" + number, "cora").get("externalReferrals");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("body").asText()).isEqualTo("MEDIATION");
    assertThat(listed.get(0).get("organisation").asText()).isEqualTo("银行业消费纠纷调解中心");
    var send = worker.openTask(number, ExternalReferralProcess.USER_SEND_CASE_FILE);
    assertThat(send.getDueDate().toInstant()).isEqualTo(theirDeadline.toInstant());
    assertThat(send.getName()).startsWith("Send case file to outside body " + number);
    // the case file's timeline export is open to the coordinator
    assertThat(cases.read("/api/complaints/" + number + "/timeline", "cora").get("entryCount").asInt()).isPositive();

    // when the file is sent, and the centre settles with 800 more for the customer
    worker.complete(number, ExternalReferralProcess.USER_SEND_CASE_FILE, "cora",
        Map.of("caseFileNotes", "Timeline and statements sent by e-mail"));
    assertThat(cases.read(created, "cora").get("status").asText()).isEqualTo("AWAITING_OUTCOME");
    worker.complete(number, ExternalReferralProcess.USER_RECORD_REFERRAL_OUTCOME, "cora", Map.of("referralOutcome",
        "SETTLED", "furtherRedressAmount", 800.0, "referralOutcomeNotes", "The centre's settlement: refund 800"));
    worker.payRedress(number);

    // then the referral is concluded, its redress paid apart from the decision's
    JsonNode concluded = cases.read(created, "cora");
    assertThat(concluded.get("status").asText()).isEqualTo("CONCLUDED");
    assertThat(concluded.get("outcome").asText()).isEqualTo("SETTLED");
    assertThat(concluded.get("caseFileSentBy").asText()).isEqualTo("cora");
    assertThat(concluded.get("redress").get("amount").decimalValue()).isEqualByComparingTo("800");
    assertThat(concluded.get("redress").get("status").asText()).isEqualTo("PAID");
    assertThat(concluded.get("redress").get("paidAt").asText()).endsWith("+08:00");
    JsonNode complaint = cases.read("/api/complaints/" + number, "cora");
    assertThat(complaint.get("status").asText()).isEqualTo("CLOSED");
    assertThat(complaint.get("redress").get("amount").decimalValue()).isEqualByComparingTo("500");
    assertThat(complaint.get("redress").get("dueAt").asText()).endsWith("+08:00");
    assertThat(complaint.get("externalReferrals").get(0).get("outcomeAt").asText()).endsWith("+08:00");

    // and the timeline has the referral's entries, its chain verifying
    JsonNode timeline = cases.read("/api/complaints/" + number + "/timeline", "audrey");
    List<String> types = new ArrayList<>();
    timeline.get("entries").forEach(entry -> types.add(entry.get("type").asText()));
    assertThat(types).containsSubsequence("REFERRAL_REGISTERED", "CASE_FILE_SENT", "REFERRAL_OUTCOME");
    assertThat(cases.read("/api/complaints/" + number + "/timeline/verify", "audrey").get("status").asText())
        .isEqualTo("VERIFIED");

    // and the report counts it by body and outcome
    JsonNode after = cases.read(report, "sam").get("total");
    assertThat(after.get("externalReferrals").asLong()).isEqualTo(before.get("externalReferrals").asLong() + 1);
    assertThat(after.get("referralsByBody").path("MEDIATION").asLong())
        .isEqualTo(before.get("referralsByBody").path("MEDIATION").asLong() + 1);
    assertThat(after.get("referralOutcomes").path("SETTLED").asLong())
        .isEqualTo(before.get("referralOutcomes").path("SETTLED").asLong() + 1);
  }

  @Test
  void shouldLetTheAccountsDepartmentReadACaseWhoseOnlyRedressAnOutsideBodyAwarded() throws Exception {
    // given a case closed without compensation, referred to the ombudsman
    String number = cases.closed("XR-0004", 0.0);
    String created = refer(number, "cora", "{\"body\": \"OMBUDSMAN\", \"organisation\": \"Financial Ombudsman Service\","
        + " \"reference\": \"FOS-77\", \"referredAt\": \"" + OffsetDateTime.now(BANK).minusDays(1).withNano(0) + "\"}")
        .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    worker.complete(number, ExternalReferralProcess.USER_SEND_CASE_FILE, "cora", Map.of("caseFileNotes", "sent"));

    // then the accounts department, which pays nothing on it yet, may not read it
    mvc.perform(get("/api/complaints/" + number).with(httpBasic("anna", "demo"))).andExpect(status().isForbidden());

    // when the ombudsman upholds the complaint with 300 for the customer
    worker.complete(number, ExternalReferralProcess.USER_RECORD_REFERRAL_OUTCOME, "cora", Map.of("referralOutcome",
        "UPHELD_FOR_CUSTOMER", "furtherRedressAmount", 300.0, "referralOutcomeNotes", "FOS decision: pay 300"));

    // then the accounts department reads the case it now pays, masked as a department reads it
    JsonNode seen = cases.read("/api/complaints/" + number, "anna");
    assertThat(seen.get("complaintNumber").asText()).isEqualTo(number);
    JsonNode dateOfBirth = seen.path("customer").path("dateOfBirth");
    assertThat(dateOfBirth.isMissingNode() || dateOfBirth.isNull()).as("date of birth withheld").isTrue();
    assertThat(seen.get("externalReferrals")).as("the outside bodies' files withheld").isEmpty();
    assertThat(cases.read(created, "cora").get("redress").get("amount").decimalValue()).isEqualByComparingTo("300");
  }

  @Test
  void shouldHaveTheSupervisorChaseACaseFileNotSentWithinTheBanksPeriodForTheBody() throws Exception {
    // given an open case a channel system reports referred to the regulator, without a deadline of its own
    String number = cases.submit("XR-0002");
    refer(number, "intake", "{\"body\": \"REGULATOR\", \"organisation\": \"NFRA 12378\", \"reference\": \"12378-001\","
        + " \"referredAt\": \"" + LocalDate.now(BANK) + "\"}").andExpect(status().isCreated())
        .andExpect(jsonPath("$.responseDueAt").doesNotExist());

    // when the bank's period for the regulator (10 days) passes unsent
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(11))));
    worker.runJobs(number);

    // then the supervisor chases it, and the coordinator's task stays open
    worker.complete(number, ExternalReferralProcess.USER_CHASE_CASE_FILE, "sam",
        Map.of("chaseCaseFileNotes", "Asked the coordinator to send it today"));
    assertThat(worker.openTask(number, ExternalReferralProcess.USER_SEND_CASE_FILE)).isNotNull();
  }

  @Test
  void shouldRefuseBadInputNamingEveryFieldAnUnknownCaseAndOtherRoles() throws Exception {
    String number = cases.submit("XR-0003");

    refer(number, "cora", "{\"body\": \"PRESS\", \"organisation\": \" \", \"referredAt\": \"yesterday\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("body", "organisation",
            "reference", "referredAt")));
    refer(number, "cora", "{\"body\": \"COURT\", \"organisation\": \"Chaoyang District People's Court\","
        + " \"reference\": \"(2026)京0105民初1号\", \"referredAt\": \"" + LocalDate.now(BANK).plusDays(2) + "\","
        + " \"responseDueAt\": \"" + LocalDate.now(BANK).plusDays(1) + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("referredAt", "responseDueAt")));
    refer("CMP-2099-999999", "cora", "{\"body\": \"COURT\", \"organisation\": \"Court\", \"reference\": \"1\","
        + " \"referredAt\": \"" + LocalDate.now(BANK) + "\"}").andExpect(status().isNotFound());
    for (String user : List.of("carl", "lara", "audrey")) {
      refer(number, user, "{\"body\": \"COURT\", \"organisation\": \"Court\", \"reference\": \"1\","
          + " \"referredAt\": \"" + LocalDate.now(BANK) + "\"}").andExpect(status().isForbidden());
    }

    assertThat(jdbc.sql("SELECT COUNT(*) FROM external_referral WHERE complaint_number = ?").param(number)
        .query(Long.class).single()).isZero();
  }

  private ResultActions refer(String number, String user, String body) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/external-referrals").with(httpBasic(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)));
  }
}
