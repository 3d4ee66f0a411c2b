package io.disputeflow.insight;

import static io.disputeflow.insight.ComplaintRows.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.disputeflow.figures.FigureBackfill;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The summary report against figures worked out by hand for a fixed set of complaints received in
 * January 2029 (no other test uses that month), as of 1 March 2029.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DatabaseTest
class ReportApiTests {

  private static final OffsetDateTime AS_OF = OffsetDateTime.parse("2029-03-01T00:00:00+08:00");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired FigureBackfill backfill;

  /**
   * Billing disputes on credit cards at the branch (cards department), transaction failures on online
   * banking by app (digital banking and accounts):
   * <pre>
   * no.  category     decision   days  due      ext  survey  customer  other
   * 001  billing      UPHOLD      2    15 d      0    5      C1        root cause PROCESS_ERROR
   * 002  billing      REJECT     20    15 d      0    2      C1        repeat of 001; re-verified REVISED; PROCESS_ERROR
   * 003  billing      PARTLY     25    30 d      1    -      C2
   * 004  billing      -           -    15 d      0    -      -         overdue since 27 Jan
   * 005  transaction  UPHOLD      4    15 d      0    4      C3        SYSTEM_FAULT
   * 006  transaction  inquiry     -    -         0    -      C3        repeat of 005
   * 007  transaction  -           -    due 20 Mar 0    -      C4        repeat of 009 (Feb 2028), not of 008 (Dec 2027)
   * </pre>
   */
  @BeforeAll
  void insertComplaints() {
    complaint(jdbc, "R29-001", at("2029-01-05T10:00")).decided("UPHOLD", 2).with("customer_id", "RPT-C1")
        .with("satisfaction_score", 5).with("departments", "dept-cards")
        .closedWithRootCause("PROCESS_ERROR", "dept-cards", false, at("2029-01-20T10:00")).insert();
    complaint(jdbc, "R29-002", at("2029-01-06T09:00")).decided("REJECT", 20).with("customer_id", "RPT-C1")
        .with("satisfaction_score", 2).with("departments", "dept-cards")
        .with("reverification_due_at", at("2029-03-10T09:00")).with("reverification_outcome", "REVISED")
        .closedWithRootCause("PROCESS_ERROR", "dept-cards", false, at("2029-02-20T10:00")).insert();
    complaint(jdbc, "R29-003", at("2029-01-10T09:00")).decided("PARTLY_UPHOLD", 25).with("customer_id", "RPT-C2")
        .with("regime", "US-REG-Z")
        .with("extensions_used", 1).with("decision_due_at", at("2029-02-09T09:00")).with("departments", "dept-cards")
        .insert();
    complaint(jdbc, "R29-004", at("2029-01-12T09:00")).with("departments", "dept-cards").insert();
    complaint(jdbc, "R29-005", at("2029-01-15T09:00")).decided("UPHOLD", 4).with("customer_id", "RPT-C3")
        .with("regime", "UK-FCA-DISP")
        .with("satisfaction_score", 4).with("category", "TRANSACTION_FAILURE").with("product", "ONLINE_BANKING")
        .with("channel", "MOBILE_APP").with("departments", "dept-digital,dept-accounts")
        .closedWithRootCause("SYSTEM_FAULT", "dept-digital", true, at("2029-02-01T10:00")).insert();
    complaint(jdbc, "R29-006", at("2029-01-20T09:00")).with("inquiry_only", true).with("decision_due_at", null)
        .with("customer_id", "RPT-C3").with("category", "TRANSACTION_FAILURE").with("product", "ONLINE_BANKING")
        .with("channel", "MOBILE_APP").with("departments", "dept-digital,dept-accounts").insert();
    complaint(jdbc, "R29-007", at("2029-01-31T23:00")).with("customer_id", "RPT-C4").with("regime", "UK-FCA-DISP")
        .with("decision_due_at", at("2029-03-20T09:00")).with("category", "TRANSACTION_FAILURE")
        .with("product", "ONLINE_BANKING").with("channel", "MOBILE_APP")
        .with("departments", "dept-digital,dept-accounts").insert();
    // outside the period: earlier complaints of C4, and one received a moment after it ends
    complaint(jdbc, "R29-008", at("2027-12-01T09:00")).with("customer_id", "RPT-C4").insert();
    complaint(jdbc, "R29-009", at("2028-02-15T09:00")).with("customer_id", "RPT-C4").insert();
    complaint(jdbc, "R29-010", at("2029-02-01T00:00")).with("customer_id", "RPT-C1").insert();
    // rows written straight into the table, as an upgrade finds them: counted by the start's backfill
    backfill.countUncounted();
  }

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(Date.from(AS_OF.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldReportTheFiguresOfThePeriodByCategory() throws Exception {
    summary("category")
        .andExpect(jsonPath("$.from", is("2029-01-01")))
        .andExpect(jsonPath("$.to", is("2029-01-31")))
        .andExpect(jsonPath("$.groupBy", is("CATEGORY")))
        // the total: seven received, one of them an inquiry
        .andExpect(jsonPath("$.total.received", is(7)))
        .andExpect(jsonPath("$.total.inquiries", is(1)))
        .andExpect(jsonPath("$.total.decided", is(4)))
        .andExpect(jsonPath("$.total.upheld", is(3)))
        .andExpect(jsonPath("$.total.upheldRate", is(0.75)))
        // due by now: the four decided and the overdue 004; on time: 001, 003 (extended to 30 days) and 005
        .andExpect(jsonPath("$.total.dueByNow", is(5)))
        .andExpect(jsonPath("$.total.decidedOnTime", is(3)))
        .andExpect(jsonPath("$.total.onTimeRate", is(0.6)))
        // days 2, 4, 20, 25: median (4 + 20) / 2; 90th percentile 20 + 0.7 × (25 − 20)
        .andExpect(jsonPath("$.total.medianDaysToDecision", is(12.0)))
        .andExpect(jsonPath("$.total.p90DaysToDecision", is(23.5)))
        .andExpect(jsonPath("$.total.extensionsUsed", is(1)))
        .andExpect(jsonPath("$.total.extendedComplaints", is(1)))
        .andExpect(jsonPath("$.total.reverificationsRequested", is(1)))
        .andExpect(jsonPath("$.total.reverificationRate", is(0.25)))
        .andExpect(jsonPath("$.total.reverificationOutcomes.REVISED", is(1)))
        .andExpect(jsonPath("$.total.surveyed", is(3)))
        .andExpect(jsonPath("$.total.meanSatisfaction", is(3.67)))
        // customers known for six; 002, 006 and 007 follow an earlier complaint within 12 months
        .andExpect(jsonPath("$.total.identifiedCustomers", is(6)))
        .andExpect(jsonPath("$.total.repeatComplaints", is(3)))
        .andExpect(jsonPath("$.total.repeatRate", is(0.5)))
        .andExpect(jsonPath("$.total.withdrawn", is(0)))
        .andExpect(jsonPath("$.total.redressOwed", is(0)))
        .andExpect(jsonPath("$.total.rootCauses.PROCESS_ERROR", is(2)))
        .andExpect(jsonPath("$.total.rootCauses.SYSTEM_FAULT", is(1)))
        // the groups, largest first
        .andExpect(jsonPath("$.groups.length()", is(2)))
        .andExpect(jsonPath("$.groups[0].group", is("BILLING_DISPUTE")))
        .andExpect(jsonPath("$.groups[0].label", is("Billing dispute / 账单争议")))
        .andExpect(jsonPath("$.groups[0].received", is(4)))
        .andExpect(jsonPath("$.groups[0].decided", is(3)))
        .andExpect(jsonPath("$.groups[0].upheldRate", is(0.6667)))
        .andExpect(jsonPath("$.groups[0].dueByNow", is(4)))
        .andExpect(jsonPath("$.groups[0].onTimeRate", is(0.5)))
        .andExpect(jsonPath("$.groups[0].medianDaysToDecision", is(20.0)))
        .andExpect(jsonPath("$.groups[0].p90DaysToDecision", is(24.0)))
        .andExpect(jsonPath("$.groups[0].reverificationRate", is(0.3333)))
        .andExpect(jsonPath("$.groups[0].meanSatisfaction", is(3.5)))
        .andExpect(jsonPath("$.groups[0].repeatRate", is(0.3333)))
        .andExpect(jsonPath("$.groups[0].rootCauses.PROCESS_ERROR", is(2)))
        .andExpect(jsonPath("$.groups[1].group", is("TRANSACTION_FAILURE")))
        .andExpect(jsonPath("$.groups[1].received", is(3)))
        .andExpect(jsonPath("$.groups[1].inquiries", is(1)))
        .andExpect(jsonPath("$.groups[1].dueByNow", is(1)))
        .andExpect(jsonPath("$.groups[1].onTimeRate", is(1.0)))
        .andExpect(jsonPath("$.groups[1].medianDaysToDecision", is(4.0)))
        .andExpect(jsonPath("$.groups[1].repeatRate", is(0.6667)))
        .andExpect(jsonPath("$.groups[1].rootCauses.SYSTEM_FAULT", is(1)));
  }

  @Test
  void shouldCountComplaintsByTheRegimeTheyAreHandledUnder() throws Exception {
    // 005 and 007 under the UK rules, 003 under Regulation Z, the rest recorded before regimes (none)
    summary("regime")
        .andExpect(jsonPath("$.groupBy", is("REGIME")))
        .andExpect(jsonPath("$.total.received", is(7)))
        .andExpect(jsonPath("$.groups.length()", is(3)))
        .andExpect(jsonPath("$.groups[0].group", is("NONE")))
        .andExpect(jsonPath("$.groups[0].received", is(4)))
        .andExpect(jsonPath("$.groups[1].group", is("UK-FCA-DISP")))
        .andExpect(jsonPath("$.groups[1].label", is("UK-FCA-DISP · UK – FCA DISP / 英国 FCA 投诉处理规则")))
        .andExpect(jsonPath("$.groups[1].received", is(2)))
        .andExpect(jsonPath("$.groups[1].decided", is(1)))
        .andExpect(jsonPath("$.groups[2].group", is("US-REG-Z")))
        .andExpect(jsonPath("$.groups[2].received", is(1)))
        .andExpect(jsonPath("$.groups[2].upheld", is(1)));
  }

  @Test
  void shouldCountAComplaintInEveryDepartmentInvolvedButOnceInTheTotal() throws Exception {
    summary("department")
        .andExpect(jsonPath("$.total.received", is(7)))
        .andExpect(jsonPath("$.groups.length()", is(3)))
        .andExpect(jsonPath("$.groups[0].group", is("dept-cards")))
        .andExpect(jsonPath("$.groups[0].label", is("Cards / 信用卡部")))
        .andExpect(jsonPath("$.groups[0].received", is(4)))
        .andExpect(jsonPath("$.groups[1].group", is("dept-accounts")))
        .andExpect(jsonPath("$.groups[1].received", is(3)))
        .andExpect(jsonPath("$.groups[2].group", is("dept-digital")))
        .andExpect(jsonPath("$.groups[2].received", is(3)));
    summary("channel")
        .andExpect(jsonPath("$.groups[0].group", is("BRANCH")))
        .andExpect(jsonPath("$.groups[1].group", is("MOBILE_APP")))
        .andExpect(jsonPath("$.groups[1].received", is(3)));
    summary("product")
        .andExpect(jsonPath("$.groups[0].group", is("CREDIT_CARD")))
        .andExpect(jsonPath("$.groups[0].label", is("Credit card / 信用卡")))
        .andExpect(jsonPath("$.groups[1].group", is("ONLINE_BANKING")));
  }

  @Test
  void shouldGiveTheSameFiguresAsCsv() throws Exception {
    String csv = mvc.perform(get("/api/reports/summary").param("from", "2029-01-01").param("to", "2029-01-31")
            .param("groupBy", "category").param("format", "csv").with(httpBasic("sam", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(header().string("Content-Disposition",
            containsString("complaints-2029-01-01-2029-01-31-by-category.csv")))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("group,label,received,inquiries,decided,upheld,upheldRate,dueByNow,decidedOnTime,"
        + "onTimeRate,medianDaysToDecision,p90DaysToDecision,").endsWith(",rootCauseOTHER,withdrawn,redressOwed,redressPaid,redressPaidOnTime,redressOnTimeRate,"
            + "externalReferrals,referralsMEDIATION,referralsREGULATOR,referralsOMBUDSMAN,referralsARBITRATION,"
            + "referralsCOURT,referralOutcomeSETTLED,referralOutcomeUPHELD_FOR_CUSTOMER,referralOutcomeREJECTED,"
            + "referralOutcomeWITHDRAWN,reopenedComplaints,reopenings");
    assertThat(lines[1]).startsWith("TOTAL,Total / 合计,7,1,4,3,0.75,5,3,0.6,12.0,23.5,1,1,1,0.25,0,1,3,3.67,6,3,0.5,"
        + "0,0,2,1,0,0,0,0");
    assertThat(lines[2]).startsWith("BILLING_DISPUTE,Billing dispute / 账单争议,4,0,3,2,0.6667,4,2,0.5,20.0,24.0,");
    assertThat(lines[3]).startsWith("TRANSACTION_FAILURE,");
  }

  @Test
  void shouldReportNothingForAPeriodWithoutComplaints() throws Exception {
    mvc.perform(get("/api/reports/summary").param("from", "2028-06-01").param("to", "2028-06-30")
            .with(httpBasic("helen", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total.received", is(0)))
        .andExpect(jsonPath("$.groups.length()", is(0)));
  }

  @Test
  void shouldRefuseBadParametersNamingTheField() throws Exception {
    badRequest(get("/api/reports/summary").param("from", "2029-02-01").param("to", "2029-01-01"), "from");
    badRequest(get("/api/reports/summary").param("groupBy", "colour"), "groupBy");
    badRequest(get("/api/reports/summary").param("format", "xml"), "format");
    badRequest(get("/api/reports/summary").param("from", "1 January"), "from");
    badRequest(get("/api/reports/early-warnings").param("status", "LOST"), "status");
  }

  @Test
  void shouldShowReportsOnlyToThoseWhoOverseeTheOffice() throws Exception {
    mvc.perform(get("/api/reports/summary").with(httpBasic("cora", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/summary").with(httpBasic("intake", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/summary")).andExpect(status().isUnauthorized());
    mvc.perform(get("/reports/").with(httpBasic("cora", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/summary").with(httpBasic("audrey", "demo"))).andExpect(status().isOk());
  }

  @Test
  void shouldServeTheReportPageWithItsChartLibraryFromTheJar() throws Exception {
    String page = mvc.perform(get("/reports/").with(httpBasic("sam", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String library = page.replaceAll("(?s).*<script src=\"(/webjars/echarts/[^\"]+)\".*", "$1");
    assertThat(library).startsWith("/webjars/echarts/").endsWith("/echarts.min.js");
    mvc.perform(get(library).with(httpBasic("sam", "demo"))).andExpect(status().isOk());
    mvc.perform(get("/reports/reports.js").with(httpBasic("sam", "demo"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/reports/summary")));
    mvc.perform(get("/reports/")).andExpect(status().isUnauthorized());
  }

  private ResultActions summary(String groupBy) throws Exception {
    return mvc.perform(get("/api/reports/summary").param("from", "2029-01-01").param("to", "2029-01-31")
            .param("groupBy", groupBy).with(httpBasic("sam", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
  }

  private void badRequest(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String field) throws Exception {
    mvc.perform(request.with(httpBasic("sam", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field", is(field)));
  }

  private static OffsetDateTime at(String localTime) {
    return OffsetDateTime.parse(localTime + ":00+08:00");
  }
}
