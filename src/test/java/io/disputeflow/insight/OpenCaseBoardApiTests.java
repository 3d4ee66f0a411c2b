package io.disputeflow.insight;

import static io.disputeflow.insight.ComplaintRows.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The live board of open cases: what five cases in known states (and one closed) add to it, read before
 * and after they are written, on the engine clock, so other tests' open cases in the same database do
 * not matter.
 */
@ApiTest
@DatabaseTest
class OpenCaseBoardApiTests {

  /**
   * Before every other test's complaints (the CFPB's public data start in December 2011): the board lists
   * the {@value OpenCaseBoard#LISTED} most urgent cases, and the shared test database holds many older
   * deadlines than this test's cases would have at a later date.
   */
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2005-03-01T12:00:00+08:00");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCountOpenCasesByAgeStageClockStateAndGroupAndListTheOverdueAndThoseDueThisWeek() throws Exception {
    JsonNode before = board("sam");

    complaint(jdbc, "OB36-1", NOW.minusDays(1)).with("decision_due_at", NOW.plusDays(10))
        .with("departments", "dept-cards").insert();
    complaint(jdbc, "OB36-2", NOW.minusDays(5)).with("decision_due_at", NOW.minusDays(1).minusHours(2))
        .with("stage", "DEPARTMENT_REVIEW").with("departments", "dept-cards").insert();
    complaint(jdbc, "OB36-3", NOW.minusDays(20)).with("decision_due_at", NOW.plusDays(3))
        .with("decision_warning_at", NOW.minusDays(1)).with("stage", "RESOLUTION")
        .with("departments", "dept-digital,dept-accounts").insert();
    complaint(jdbc, "OB36-4", NOW.minusDays(40)).with("decision_due_at", NOW.minusDays(2))
        .with("clock_paused_since", NOW.minusDays(5)).with("status", "AWAITING_CUSTOMER").insert();
    complaint(jdbc, "OB36-5", NOW.minusDays(90)).with("decision_due_at", NOW.minusDays(60))
        .decided("UPHOLD", 20).with("stage", "REDRESS_PAYMENT").insert();
    complaint(jdbc, "OB36-6", NOW.minusDays(9)).decided("REJECT", 3).with("status", "CLOSED")
        .with("stage", "CLOSED").insert();

    JsonNode after = board("helen");
    assertThat(after.get("open").asLong() - before.get("open").asLong()).isEqualTo(5);
    assertThat(added(before, after, "byAgeBand", "0-3")).isEqualTo(1);
    assertThat(added(before, after, "byAgeBand", "4-7")).isEqualTo(1);
    assertThat(added(before, after, "byAgeBand", "8-15")).isZero();
    assertThat(added(before, after, "byAgeBand", "16-30")).isEqualTo(1);
    assertThat(added(before, after, "byAgeBand", "31-60")).isEqualTo(1);
    assertThat(added(before, after, "byAgeBand", "over 60")).isEqualTo(1);
    assertThat(added(before, after, "byStage", "INVESTIGATION")).isEqualTo(2);
    assertThat(added(before, after, "byStage", "DEPARTMENT_REVIEW")).isEqualTo(1);
    assertThat(added(before, after, "byStage", "RESOLUTION")).isEqualTo(1);
    assertThat(added(before, after, "byStage", "REDRESS_PAYMENT")).isEqualTo(1);
    assertThat(after.get("byStage").has("CLOSED")).isFalse();
    for (String state : new String[] {"ON_TRACK", "WARNING", "OVERDUE", "PAUSED", "STOPPED"}) {
      assertThat(added(before, after, "byClockState", state)).as(state).isEqualTo(1);
    }
    assertThat(after.get("overdue").asLong() - before.get("overdue").asLong()).isEqualTo(1);
    assertThat(after.get("dueThisWeek").asLong() - before.get("dueThisWeek").asLong()).isEqualTo(1);
    JsonNode overdue = listed(after.get("overdueCases"), "OB36-2");
    assertThat(overdue.get("daysOverdue").asLong()).isEqualTo(1);
    assertThat(overdue.get("stage").asText()).isEqualTo("DEPARTMENT_REVIEW");
    assertThat(overdue.get("clockState").asText()).isEqualTo("OVERDUE");
    assertThat(listed(after.get("dueThisWeekCases"), "OB36-3").get("clockState").asText()).isEqualTo("WARNING");
    assertThat(groupCases(after, "dept-cards")[0] - groupCases(before, "dept-cards")[0]).isEqualTo(2);
    assertThat(groupCases(after, "dept-cards")[1] - groupCases(before, "dept-cards")[1]).isEqualTo(1);
    assertThat(groupCases(after, "dept-digital")[0] - groupCases(before, "dept-digital")[0]).isEqualTo(1);
  }

  @Test
  void shouldShowTheBoardOnlyToThoseWhoOverseeTheOfficeAndRefuseAnUnknownGrouping() throws Exception {
    mvc.perform(get("/api/reports/open-cases").with(httpBasic("cora", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/open-cases").param("groupBy", "colour").with(httpBasic("sam", "demo")))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/reports/open-cases").with(httpBasic("sam", "demo"))).andExpect(status().isOk());
  }

  private JsonNode board(String user) throws Exception {
    return json.readTree(mvc.perform(get("/api/reports/open-cases").with(httpBasic(user, "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private static long added(JsonNode before, JsonNode after, String counts, String key) {
    return after.get(counts).path(key).asLong() - before.get(counts).path(key).asLong();
  }

  private static JsonNode listed(JsonNode cases, String number) {
    return StreamSupport.stream(cases.spliterator(), false)
        .filter(c -> c.get("complaintNumber").asText().equals(number)).findFirst()
        .orElseThrow(() -> new AssertionError(number + " not listed in " + cases));
  }

  /** Cases and overdue cases of a group, 0 when it has none. */
  private static long[] groupCases(JsonNode board, String group) {
    return StreamSupport.stream(board.get("byGroup").spliterator(), false)
        .filter(g -> g.get("group").asText().equals(group)).findFirst()
        .map(g -> new long[] {g.get("cases").asLong(), g.get("overdue").asLong()}).orElse(new long[2]);
  }
}
