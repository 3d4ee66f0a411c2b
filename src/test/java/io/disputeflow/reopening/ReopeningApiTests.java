package io.disputeflow.reopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.process.InvestigationProcess;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.CaseWorker;
import io.disputeflow.support.ClosedCases;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A closed case reopened through the API: a new decision period, the handling again, both lives in the timeline. */
@ApiTest
class ReopeningApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseWorker worker;
  @Autowired JdbcClient jdbc;

  private ClosedCases cases;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @BeforeEach
  void cases() {
    cases = new ClosedCases(mvc, json, worker);
  }

  @Test
  void shouldReopenAClosedCaseWithANewPeriodWorkItAgainAndKeepBothLivesInTheTimeline() throws Exception {
    // given a case closed with 500 paid
    String number = cases.closed("RO-0001", 500.0);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String report = "/api/reports/summary?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    JsonNode before = cases.read(report, "sam").get("total");
    JsonNode closed = cases.read("/api/complaints/" + number, "cora");
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

    // when the supervisor reopens it on new facts, twenty days later (engine clock)
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(20))));
    OffsetDateTime asked = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Asia/Shanghai"));
    reopen(number, "sam", "{\"reason\": \"商户提供了新的扣款记录\", \"ground\": \"NEW_FACTS\"}")
        .andExpect(status().isAccepted());

    // then it is open again, in the handling, with a new decision period (15 days under CN-CBIRC-2020) from then
    JsonNode reopened = cases.read("/api/complaints/" + number, "cora");
    assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
    assertThat(reopened.get("stage").asText()).isEqualTo("INVESTIGATION");
    assertThat(reopened.hasNonNull("decision")).isFalse();
    assertThat(reopened.hasNonNull("closedAt")).isFalse();
    JsonNode deadlines = reopened.get("deadlines");
    assertThat(deadlines.get("regime").asText()).isEqualTo("CN-CBIRC-2020");
    assertThat(deadlines.get("clockState").asText()).isEqualTo("ON_TRACK");
    OffsetDateTime periodStart = OffsetDateTime.parse(deadlines.get("periodStartedAt").asText());
    assertThat(Duration.between(asked, periodStart).abs()).isLessThan(Duration.ofMinutes(1));
    OffsetDateTime newDue = OffsetDateTime.parse(deadlines.get("decisionDueAt").asText());
    assertThat(newDue).isAfter(OffsetDateTime.parse(closed.get("deadlines").get("decisionDueAt").asText()));
    // 15 calendar days to the end of the day, moved off a public holiday as the CN calendar counts
    assertThat(Duration.between(periodStart, newDue).toDays()).isBetween(15L, 25L);
    JsonNode reopening = reopened.get("reopenings").get(0);
    assertThat(reopening.get("ground").asText()).isEqualTo("NEW_FACTS");
    assertThat(reopening.get("reopenedBy").asText()).isEqualTo("sam");
    assertThat(reopening.get("previousDecision").asText()).isEqualTo("UPHOLD");
    assertThat(reopening.get("previousCompensation").decimalValue()).isEqualByComparingTo("500");
    assertThat(worker.openTask(number, InvestigationProcess.USER_INVESTIGATE_COMPLAINT)).isNotNull();
    // a reopened case cannot be reopened again while open
    reopen(number, "cora", "{\"reason\": \"again\", \"ground\": \"NEW_FACTS\"}").andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    // when its second life decides 300 more, which is paid, and it closes again
    cases.decideAndAccept(number, 300.0);
    cases.surveyAndClose(number);

    // then the second payment is kept apart from the first, and the case is closed again
    JsonNode again = cases.read("/api/complaints/" + number, "cora");
    assertThat(again.get("status").asText()).isEqualTo("CLOSED");
    assertThat(again.get("redress").get("amount").decimalValue()).isEqualByComparingTo("300");
    assertThat(again.get("redress").get("status").asText()).isEqualTo("PAID");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM redress_payment WHERE complaint_number = ? AND status = 'PAID'")
        .param(number).query(Long.class).single()).isEqualTo(1L);

    // and the timeline shows both lives, the reopening between them, and its chain verifies
    JsonNode timeline = cases.read("/api/complaints/" + number + "/timeline", "audrey");
    List<String> types = new ArrayList<>();
    timeline.get("entries").forEach(entry -> types.add(entry.get("type").asText()
        + (entry.get("elementId") == null || entry.get("elementId").isNull() ? "" : "@" + entry.get("elementId").asText())));
    assertThat(types).containsSubsequence("PROCESS_STARTED@start_complaint_received", "PROCESS_ENDED@end_complaint_closed",
        "COMPLAINT_REOPENED", "PROCESS_STARTED@start_complaint_reopened", "STAGE_ENTERED@call_investigation",
        "PROCESS_ENDED@end_complaint_closed");
    assertThat(types.stream().filter(type -> type.startsWith("COMPLAINT_REOPENED"))).hasSize(1);
    assertThat(cases.read("/api/complaints/" + number + "/timeline/verify", "audrey").get("status").asText())
        .isEqualTo("VERIFIED");

    // and the report counts the reopening
    JsonNode after = cases.read(report, "sam").get("total");
    assertThat(after.get("reopenedComplaints").asLong()).isEqualTo(before.get("reopenedComplaints").asLong() + 1);
    assertThat(after.get("reopenings").asLong()).isEqualTo(before.get("reopenings").asLong() + 1);
  }

  @Test
  void shouldRefuseAnOpenCaseOtherRolesBadInputAndUnknownCasesChangingNothing() throws Exception {
    String open = cases.submit("RO-0002");

    // not closed: 409
    reopen(open, "cora", "{\"reason\": \"new facts\", \"ground\": \"NEW_FACTS\"}").andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("Complaint " + open + " is open; only a closed case can be reopened"));
    // other roles: 403
    for (String user : List.of("intake", "carl", "helen", "audrey")) {
      reopen(open, user, "{\"reason\": \"new facts\", \"ground\": \"NEW_FACTS\"}").andExpect(status().isForbidden());
    }
    // bad input: 400 naming every field
    reopen(open, "cora", "{\"reason\": \" \", \"ground\": \"BECAUSE\"}").andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("reason", "ground")));
    // unknown case: 404
    reopen("CMP-2099-999999", "cora", "{\"reason\": \"new facts\", \"ground\": \"LATE_CONTEST\"}")
        .andExpect(status().isNotFound());

    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_reopening WHERE complaint_number = ?").param(open)
        .query(Long.class).single()).isZero();
  }

  private ResultActions reopen(String number, String user, String body) throws Exception {
    return mvc.perform(post("/api/complaints/" + number + "/reopening").with(httpBasic(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }
}
