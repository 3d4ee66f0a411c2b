package io.disputeflow.insight;

import static io.disputeflow.insight.ComplaintRows.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.MockMvc;

/** The regulatory returns against figures worked out by hand for cases of 2035 (no other test uses that year). */
@ApiTest
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulatoryReturnApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired FigureBackfill backfill;

  /**
   * <pre>
   * CN-CBIRC-2020, 2035-Q3:
   * no.  product        received      decision        days  due   other
   * N1   credit card    2 Jul         UPHOLD          10    15    redress 100.00 CNY paid 20 Jul
   * N2   credit card    5 Jul (app)   REJECT          40    30    extended once; 核查 requested, REVISED
   * N3   mortgage       28 Sep        -                           still open
   * N4   credit card    20 Jun (Q2)   PARTLY_UPHOLD   13    15    decided 3 Jul, in Q3
   * N5   credit card    10 Jul        inquiry                     not a complaint
   * N6   personal loan  1 Aug         withdrawn 3 Aug
   * UK-FCA-DISP (and its PSD rules), 2035-H2, all received Friday 6 or 10 Jul:
   * F1   credit card    Fri 6 Jul     REJECT          5     Wed 11 Jul: 3 business days
   * F2   mortgage (PSD) 10 Jul        UPHOLD          20    redress 50.00 GBP paid
   * F3   wealth mgmt    10 Jul        REJECT          60    after 8 weeks
   * F4   credit card    Fri 6 Jul     REJECT          6     Thu 12 Jul: 4 business days
   * US (Reg Z, CFPB rules), 2035-Q3: U1 decided on time, U2 late.
   * </pre>
   */
  @BeforeAll
  void insertComplaints() {
    complaint(jdbc, "RR35-N1", at("2035-07-02T10:00")).with("regime", "CN-CBIRC-2020").decided("UPHOLD", 10).insert();
    redressPaid("RR35-N1", "100.00", "CNY", at("2035-07-20T10:00"));
    complaint(jdbc, "RR35-N2", at("2035-07-05T10:00")).with("regime", "CN-CBIRC-2020").with("channel", "MOBILE_APP")
        .with("decision_due_at", at("2035-08-04T10:00")).with("extensions_used", 1).decided("REJECT", 40)
        .with("reverification_due_at", at("2035-09-30T10:00")).with("reverification_outcome", "REVISED").insert();
    complaint(jdbc, "RR35-N3", at("2035-09-28T10:00")).with("regime", "CN-CBIRC-2020").with("product", "MORTGAGE")
        .with("category", "FEES_AND_CHARGES").insert();
    complaint(jdbc, "RR35-N4", at("2035-06-20T10:00")).with("regime", "CN-CBIRC-2020")
        .decided("PARTLY_UPHOLD", 13).insert();
    complaint(jdbc, "RR35-N5", at("2035-07-10T10:00")).with("regime", "CN-CBIRC-2020").with("inquiry_only", true)
        .with("decision_due_at", null).insert();
    complaint(jdbc, "RR35-N6", at("2035-08-01T10:00")).with("regime", "CN-CBIRC-2020")
        .with("product", "PERSONAL_LOAN").with("status", "WITHDRAWN").with("stage", "CLOSED")
        .with("closed_at", at("2035-08-03T10:00")).insert();

    complaint(jdbc, "RR35-F1", at("2035-07-06T10:00")).with("regime", "UK-FCA-DISP").decided("REJECT", 5).insert();
    complaint(jdbc, "RR35-F2", at("2035-07-10T10:00")).with("regime", "UK-FCA-DISP-PSD").with("product", "MORTGAGE")
        .decided("UPHOLD", 20).insert();
    redressPaid("RR35-F2", "50.00", "GBP", at("2035-08-10T10:00"));
    complaint(jdbc, "RR35-F3", at("2035-07-10T10:00")).with("regime", "UK-FCA-DISP")
        .with("product", "WEALTH_MANAGEMENT").decided("REJECT", 60).insert();
    complaint(jdbc, "RR35-F4", at("2035-07-06T10:00")).with("regime", "UK-FCA-DISP").decided("REJECT", 6).insert();

    complaint(jdbc, "RR35-U1", at("2035-07-02T10:00")).with("regime", "US-REG-Z").decided("REJECT", 10).insert();
    complaint(jdbc, "RR35-U2", at("2035-07-02T10:00")).with("regime", "US-CFPB").decided("REJECT", 20).insert();
    backfill.countUncounted();
  }

  @Test
  void shouldGiveTheChineseQuarterlyFiguresInTotalAndByProductCategoryAndChannel() throws Exception {
    returnOf("CN-CBIRC-2020", "2035-Q3")
        .andExpect(jsonPath("$.regime", is("CN-CBIRC-2020")))
        .andExpect(jsonPath("$.from", is("2035-07-01")))
        .andExpect(jsonPath("$.to", is("2035-09-30")))
        .andExpect(jsonPath("$.lines[0].section", is("TOTAL")))
        .andExpect(jsonPath("$.lines[0].figures.received", is(4)))
        .andExpect(jsonPath("$.lines[0].figures.resolved", is(3)))
        .andExpect(jsonPath("$.lines[0].figures.resolvedOnTime", is(2)))
        .andExpect(jsonPath("$.lines[0].figures.resolvedLate", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.extended", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.upheld", is(2)))
        .andExpect(jsonPath("$.lines[0].figures.reverificationRequested", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.reverificationChanged", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.withdrawn", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.redressPaid", is(1)))
        .andExpect(jsonPath("$.lines[0].redressPaidAmounts.CNY", is(100.0)))
        .andExpect(jsonPath("$.lines[?(@.section == 'PRODUCT' && @.group == 'CREDIT_CARD')].figures.received",
            containsInAnyOrder(2)))
        .andExpect(jsonPath("$.lines[?(@.section == 'PRODUCT' && @.group == 'CREDIT_CARD')].figures.resolved",
            containsInAnyOrder(3)))
        .andExpect(jsonPath("$.lines[?(@.section == 'PRODUCT' && @.group == 'MORTGAGE')].figures.received",
            containsInAnyOrder(1)))
        .andExpect(jsonPath("$.lines[?(@.section == 'CATEGORY' && @.group == 'FEES_AND_CHARGES')].figures.received",
            containsInAnyOrder(1)))
        .andExpect(jsonPath("$.lines[?(@.section == 'CHANNEL' && @.group == 'MOBILE_APP')].figures.resolvedLate",
            containsInAnyOrder(1)));
  }

  @Test
  void shouldGiveTheFcaHalfYearFiguresByProductGroup() throws Exception {
    returnOf("UK-FCA-DISP", "2035-H2")
        .andExpect(jsonPath("$.lines[0].figures.opened", is(4)))
        .andExpect(jsonPath("$.lines[0].figures.closed", is(4)))
        .andExpect(jsonPath("$.lines[0].figures.closedWithin3BusinessDays", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.closedAfter3BusinessDaysWithin8Weeks", is(2)))
        .andExpect(jsonPath("$.lines[0].figures.closedAfter8Weeks", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.upheld", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.redressPaid", is(1)))
        .andExpect(jsonPath("$.lines[0].redressPaidAmounts.GBP", is(50.0)))
        .andExpect(jsonPath("$.lines.length()", is(4)))
        .andExpect(jsonPath("$.lines[1].group", is("BANKING_AND_CREDIT_CARDS")))
        .andExpect(jsonPath("$.lines[1].figures.closedWithin3BusinessDays", is(1)))
        .andExpect(jsonPath("$.lines[1].figures.closedAfter3BusinessDaysWithin8Weeks", is(1)))
        .andExpect(jsonPath("$.lines[2].group", is("HOME_FINANCE")))
        .andExpect(jsonPath("$.lines[2].figures.upheld", is(1)))
        .andExpect(jsonPath("$.lines[3].group", is("INVESTMENTS")))
        .andExpect(jsonPath("$.lines[3].figures.closedAfter8Weeks", is(1)));
  }

  @Test
  void shouldGiveTheUsResponsesByTimeliness() throws Exception {
    returnOf("US-CFPB", "2035-Q3")
        .andExpect(jsonPath("$.lines[0].figures.responses", is(2)))
        .andExpect(jsonPath("$.lines[0].figures.timelyResponses", is(1)))
        .andExpect(jsonPath("$.lines[0].figures.untimelyResponses", is(1)));
    returnOf("US-CFPB", "2035-08").andExpect(jsonPath("$.lines[0].figures.responses", is(0)));
  }

  @Test
  void shouldGiveTheSameFiguresAsCsv() throws Exception {
    String csv = mvc.perform(get("/api/reports/regulatory-return").param("regime", "UK-FCA-DISP")
            .param("period", "2035-H2").param("format", "csv").with(httpBasic("audrey", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(header().string("Content-Disposition", containsString("return-UK-FCA-DISP-2035-H2.csv")))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).isEqualTo("regime,period,section,group,label,opened,closed,closedWithin3BusinessDays,"
        + "closedAfter3BusinessDaysWithin8Weeks,closedAfter8Weeks,upheld,redressPaid,redressPaidAmountGBP");
    assertThat(lines[1]).isEqualTo("UK-FCA-DISP,2035-H2,TOTAL,TOTAL,Total / 合计,4,4,1,2,1,1,1,50.00");
  }

  @Test
  void shouldRefuseABadRegimeOrPeriodNamingEachField() throws Exception {
    refused(get("/api/reports/regulatory-return").param("regime", "EU-ESMA").param("period", "2035-Q3"), "regime");
    refused(get("/api/reports/regulatory-return").param("regime", "UK-FCA-DISP").param("period", "2035-Q3"),
        "period");
    refused(get("/api/reports/regulatory-return").param("regime", "CN-CBIRC-2020").param("period", "2035-Q5"),
        "period");
    refused(get("/api/reports/regulatory-return").param("regime", "CN-CBIRC-2020"), "period");
    refused(get("/api/reports/regulatory-return").param("period", "Q3"), "regime", "period");
    refused(get("/api/reports/regulatory-return").param("regime", "US-CFPB").param("period", "2035-Q3")
        .param("format", "xml"), "format");
  }

  @Test
  void shouldShowReturnsOnlyToThoseWhoOverseeTheOffice() throws Exception {
    var request = get("/api/reports/regulatory-return").param("regime", "US-CFPB").param("period", "2035-Q3");
    mvc.perform(request.with(httpBasic("cora", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/regulatory-return").param("regime", "US-CFPB").param("period", "2035-Q3"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/reports/regulatory-return").param("regime", "US-CFPB").param("period", "2035-Q3")
        .with(httpBasic("helen", "demo"))).andExpect(status().isOk());
  }

  private ResultActions returnOf(String regime, String period) throws Exception {
    return mvc.perform(get("/api/reports/regulatory-return").param("regime", regime).param("period", period)
            .with(httpBasic("sam", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
  }

  private void refused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String... fields) throws Exception {
    ResultActions result = mvc.perform(request.with(httpBasic("sam", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors.length()", is(fields.length)));
    for (int i = 0; i < fields.length; i++) {
      result.andExpect(jsonPath("$.errors[" + i + "].field", is(fields[i])));
    }
  }

  private void redressPaid(String number, String amount, String currency, OffsetDateTime paidAt) {
    jdbc.sql("INSERT INTO redress_payment (complaint_number, amount, currency, due_at, status, paid_at, created_at)"
            + " VALUES (?, ?, ?, ?, 'PAID', ?, ?)")
        .params(number, new BigDecimal(amount), currency, paidAt.plusDays(5), paidAt, paidAt.minusDays(10))
        .update();
  }

  private static OffsetDateTime at(String localTime) {
    return OffsetDateTime.parse(localTime + ":00+08:00");
  }
}
