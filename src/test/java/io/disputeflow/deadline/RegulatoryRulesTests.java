package io.disputeflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Each row of the shipped deadline-policy.dmn, evaluated for its regime and counted on the shipped
 * calendars of application.yaml, over dates that cross the holidays the rule must (or must not) skip:
 * one test per legal source. The expected dates were counted by hand from the regulators' texts and
 * the published holiday schedules (see docs/regulatory-rules.md).
 */
class RegulatoryRulesTests {

  private static final Map<String, JurisdictionCalendar> CALENDARS = new LinkedHashMap<>();
  private static DmnDecision policy;
  private static final DmnEngine DMN = recordingEngine();

  /** A bare DMN engine that records the rows the tests match, for the row coverage check. */
  private static DmnEngine recordingEngine() {
    var configuration = (org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setCustomPostDecisionTableEvaluationListeners(
        java.util.List.of(new io.disputeflow.support.DecisionRowRecorder()));
    return configuration.buildEngine();
  }

  @BeforeAll
  static void loadShippedPolicyAndCalendars() throws IOException {
    var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
    Map<String, RegimeCalendars.CalendarProperties> calendars = new Binder(ConfigurationPropertySources.from(yaml))
        .bind("disputeflow.calendars", Bindable.mapOf(String.class, RegimeCalendars.CalendarProperties.class)).get();
    calendars.forEach((name, c) -> CALENDARS.put(name, new JurisdictionCalendar(name, c.zone(), c.holidays(),
        c.workingWeekendDays(), c.moveEndOffNonWorkingDay())));
    try (InputStream dmn = RegulatoryRulesTests.class.getResourceAsStream("/processes/decisions/deadline-policy.dmn")) {
      policy = DMN.parseDecision(DeadlinePolicyService.DECISION, dmn);
    }
  }

  /** 《银行业保险业消费投诉处理管理办法》: 15 days, extended to 30 and 60; 核查 within 30 days, decided within 30. */
  @ParameterizedTest(name = "CN-CBIRC-2020 {1} from {0} = {2}")
  @CsvSource({
      // received on the 调休 working Sunday 20 Sep: the 15th day, 5 Oct, is National Day: due at the end of 8 Oct
      "2026-09-20T09:00+08:00[Asia/Shanghai], decideWithin, 2026-10-08T23:59:59.999+08:00[Asia/Shanghai]",
      // the same instant given in UTC (still Saturday 19 Sep in UTC) counts in Shanghai
      "2026-09-19T17:00Z[UTC], decideWithin, 2026-10-08T23:59:59.999+08:00[Asia/Shanghai]",
      // extended to 30 and 60 days: counted from receipt, not from the moved due date
      "2026-09-20T09:00+08:00[Asia/Shanghai], extendedTo, 2026-10-20T23:59:59.999+08:00[Asia/Shanghai]",
      "2026-09-20T09:00+08:00[Asia/Shanghai], furtherExtendedTo, 2026-11-19T23:59:59.999+08:00[Asia/Shanghai]",
      // the 15th day is Spring Festival (16 Feb): moves past the whole holiday to Tuesday 24 Feb
      "2026-02-01T15:00+08:00[Asia/Shanghai], decideWithin, 2026-02-24T23:59:59.999+08:00[Asia/Shanghai]",
      // the 15th day is the 调休 working Sunday 20 Sep: it stays
      "2026-09-05T10:00+08:00[Asia/Shanghai], decideWithin, 2026-09-20T23:59:59.999+08:00[Asia/Shanghai]",
      // a decision received on 31 Dec: 核查 may be asked until 30 Jan 2027, a Saturday: the end of Monday 1 Feb
      "2026-12-31T18:00+08:00[Asia/Shanghai], contestWithin, 2027-02-01T23:59:59.999+08:00[Asia/Shanghai]",
      "2026-12-31T18:00+08:00[Asia/Shanghai], reverificationWithin, 2027-02-01T23:59:59.999+08:00[Asia/Shanghai]",
      // internal targets are counted in the bank's working days (department review P5D): see the clock tests
  })
  void cbirc2020ConsumerComplaintMeasures(ZonedDateTime event, String output, ZonedDateTime expected) {
    assertThat(dueAt("CN-CBIRC-2020", "MEDIUM", event, output)).isEqualTo(expected);
  }

  /** FCA DISP 1.6.2R: final response within 8 weeks of receipt, calendar, not moved off bank holidays; FOS within 6 months. */
  @ParameterizedTest(name = "UK-FCA-DISP {1} from {0} = {2}")
  @CsvSource({
      // eight weeks from 6 Nov end on New Year's Day: a bank holiday, not moved
      "2026-11-06T16:00Z[Europe/London], decideWithin, 2027-01-01T23:59:59.999Z[Europe/London]",
      // ... and from 6 Feb on Good Friday, in summer time
      "2026-02-06T11:00Z[Europe/London], decideWithin, 2026-04-03T23:59:59.999+01:00[Europe/London]",
      // six months for the Financial Ombudsman Service from a final response of 31 Aug (bank holiday)
      "2026-08-31T12:00+01:00[Europe/London], contestWithin, 2027-02-28T23:59:59.999Z[Europe/London]"
  })
  void fcaDisp1_6_2R(ZonedDateTime event, String output, ZonedDateTime expected) {
    assertThat(dueAt("UK-FCA-DISP", "MEDIUM", event, output)).isEqualTo(expected);
  }

  /** FCA DISP 1.6.2AR: payment services, 15 business days after the day of receipt, 35 in exceptional circumstances. */
  @ParameterizedTest(name = "UK-FCA-DISP-PSD {1} from {0} = {2}")
  @CsvSource({
      // across Christmas, the Boxing Day substitute (28 Dec) and New Year's Day
      "2026-12-14T10:00Z[Europe/London], decideWithin, 2027-01-07T23:59:59.999Z[Europe/London]",
      "2026-12-14T10:00Z[Europe/London], extendedTo, 2027-02-04T23:59:59.999Z[Europe/London]",
      // across Easter (Good Friday 3 Apr, Easter Monday 6 Apr) and the early May bank holiday
      "2026-03-27T17:30Z[Europe/London], decideWithin, 2026-04-21T23:59:59.999+01:00[Europe/London]",
      "2026-03-27T17:30Z[Europe/London], extendedTo, 2026-05-20T23:59:59.999+01:00[Europe/London]"
  })
  void fcaDisp1_6_2AR(ZonedDateTime event, String output, ZonedDateTime expected) {
    assertThat(dueAt("UK-FCA-DISP-PSD", "MEDIUM", event, output)).isEqualTo(expected);
  }

  /** CFPB company portal: response within 15 days, final response within 60 days, consumer feedback within 60 days. */
  @ParameterizedTest(name = "US-CFPB {1} from {0} = {2}")
  @CsvSource({
      // received the day before Thanksgiving week's Friday: 15 calendar days end on a Saturday, not moved
      "2026-11-20T09:00-05:00[America/New_York], decideWithin, 2026-12-05T23:59:59.999-05:00[America/New_York]",
      "2026-11-20T09:00-05:00[America/New_York], extendedTo, 2027-01-19T23:59:59.999-05:00[America/New_York]",
      "2026-11-20T09:00-05:00[America/New_York], contestWithin, 2027-01-19T23:59:59.999-05:00[America/New_York]"
  })
  void cfpbCompanyPortalResponseTimes(ZonedDateTime event, String output, ZonedDateTime expected) {
    assertThat(dueAt("US-CFPB", "MEDIUM", event, output)).isEqualTo(expected);
  }

  /** Regulation E, 12 CFR 1005.11(c): 10 business days, or provisional credit and 45 days. */
  @ParameterizedTest(name = "US-REG-E {1} from {0} = {2}")
  @CsvSource({
      // Thanksgiving (26 Nov) is not a business day; the Friday after it is
      "2026-11-23T14:00-05:00[America/New_York], decideWithin, 2026-12-08T23:59:59.999-05:00[America/New_York]",
      "2026-11-23T14:00-05:00[America/New_York], extendedTo, 2027-01-07T23:59:59.999-05:00[America/New_York]",
      // across Christmas and New Year's Day
      "2026-12-18T16:00-05:00[America/New_York], decideWithin, 2027-01-05T23:59:59.999-05:00[America/New_York]",
      "2026-12-18T16:00-05:00[America/New_York], extendedTo, 2027-02-01T23:59:59.999-05:00[America/New_York]"
  })
  void regulationE_12Cfr1005_11(ZonedDateTime event, String output, ZonedDateTime expected) {
    assertThat(dueAt("US-REG-E", "MEDIUM", event, output)).isEqualTo(expected);
  }

  /**
   * Regulation E, 12 CFR 1005.11(c)(3): 20 business days for a new account; 90 days in place of 45 for
   * a new account, a point-of-sale debit card transaction or a transfer initiated outside a State;
   * 1005.11(d)(1): the result reported within 3 business days of finishing (counted from the decision).
   */
  @ParameterizedTest(name = "US-REG-E {1} {2} from {0} = {3}")
  @CsvSource({
      // a new account: 20 business days across Thanksgiving (26 Nov); 90 calendar days with provisional credit
      "2026-11-23T14:00-05:00[America/New_York], NEW_ACCOUNT, decideWithin, 2026-12-22T23:59:59.999-05:00[America/New_York]",
      "2026-11-23T14:00-05:00[America/New_York], NEW_ACCOUNT, extendedTo, 2027-02-21T23:59:59.999-05:00[America/New_York]",
      // ... across Christmas, New Year's Day and Martin Luther King Jr. Day (18 Jan 2027); the 90th day in summer time
      "2026-12-18T16:00-05:00[America/New_York], NEW_ACCOUNT, decideWithin, 2027-01-20T23:59:59.999-05:00[America/New_York]",
      "2026-12-18T16:00-05:00[America/New_York], NEW_ACCOUNT, extendedTo, 2027-03-18T23:59:59.999-04:00[America/New_York]",
      // a point-of-sale debit card transaction: still 10 business days, but 90 days to finish
      "2026-11-23T14:00-05:00[America/New_York], POINT_OF_SALE, decideWithin, 2026-12-08T23:59:59.999-05:00[America/New_York]",
      "2026-11-23T14:00-05:00[America/New_York], POINT_OF_SALE, extendedTo, 2027-02-21T23:59:59.999-05:00[America/New_York]",
      // a transfer initiated outside a State: the same
      "2026-12-18T16:00-05:00[America/New_York], FOREIGN_INITIATED, decideWithin, 2027-01-05T23:59:59.999-05:00[America/New_York]",
      "2026-12-18T16:00-05:00[America/New_York], FOREIGN_INITIATED, extendedTo, 2027-03-18T23:59:59.999-04:00[America/New_York]",
      // none of them: 10 business days, 45 days
      "2026-11-23T14:00-05:00[America/New_York], NONE, extendedTo, 2027-01-07T23:59:59.999-05:00[America/New_York]",
      // the result within 3 business days of a decision on Tue 22 Dec (Christmas skipped) and Tue 24 Nov (Thanksgiving)
      "2026-12-22T10:00-05:00[America/New_York], NEW_ACCOUNT, reportResultWithin, 2026-12-28T23:59:59.999-05:00[America/New_York]",
      "2026-11-24T10:00-05:00[America/New_York], NONE, reportResultWithin, 2026-11-30T23:59:59.999-05:00[America/New_York]",
      "2026-12-31T10:00-05:00[America/New_York], POINT_OF_SALE, reportResultWithin, 2027-01-06T23:59:59.999-05:00[America/New_York]"
  })
  void regulationE_12Cfr1005_11c3(ZonedDateTime event, String fact, String output, ZonedDateTime expected) {
    TransferFacts transfer = switch (fact) {
      case "NEW_ACCOUNT" -> new TransferFacts(true, false, false);
      case "POINT_OF_SALE" -> new TransferFacts(false, true, false);
      case "FOREIGN_INITIATED" -> new TransferFacts(false, false, true);
      default -> TransferFacts.NONE;
    };
    assertThat(dueAt("US-REG-E", "MEDIUM", event, output, transfer)).isEqualTo(expected);
  }

  /**
   * Regulation Z, 12 CFR 1026.13(c): a written acknowledgement within 30 days of the billing-error
   * notice; resolved within two billing cycles and never later than 90 days. Calendar days, not moved.
   */
  @ParameterizedTest(name = "US-REG-Z {1} from {0} = {2}")
  @CsvSource({
      // the 90th day is New Year's Day: calendar days, not moved
      "2026-10-03T10:00-04:00[America/New_York], decideWithin, 2027-01-01T23:59:59.999-05:00[America/New_York]",
      // acknowledgement: the 30th day is Christmas Day, then New Year's Day: not moved
      "2026-11-25T09:00-05:00[America/New_York], acknowledgeWithin, 2026-12-25T23:59:59.999-05:00[America/New_York]",
      "2026-12-02T09:00-05:00[America/New_York], acknowledgeWithin, 2027-01-01T23:59:59.999-05:00[America/New_York]",
      "2026-12-02T09:00-05:00[America/New_York], decideWithin, 2027-03-02T23:59:59.999-05:00[America/New_York]"
  })
  void regulationZ_12Cfr1026_13(ZonedDateTime event, String output, ZonedDateTime expected) {
    assertThat(dueAt("US-REG-Z", "MEDIUM", event, output)).isEqualTo(expected);
  }

  /**
   * Regulation Z, 12 CFR 1026.13(c)(2): resolved "within two complete billing cycles (but in no event later
   * than 90 days)". The notice's own cycle is not complete; the two after it end on the second following
   * statement closing date (a month without the closing day closes on its last day), unless 90 days end first.
   */
  @ParameterizedTest(name = "US-REG-Z notice {0}, statement closes on day {1}: due {2} ({3})")
  @CsvSource({
      // closes on the 15th: cycles 16 Oct-15 Nov and 16 Nov-15 Dec complete; 90 days would be 1 Jan
      "2026-10-03T10:00-04:00[America/New_York], 15, 2026-12-15T23:59:59.999-05:00[America/New_York], TWO_BILLING_CYCLES",
      // received on the closing day itself: that cycle ends with it, the next two are complete
      "2026-10-15T16:00-04:00[America/New_York], 15, 2026-12-15T23:59:59.999-05:00[America/New_York], TWO_BILLING_CYCLES",
      // received the day after closing: the cycles end 15 Jan, after the 90th day (14 Jan): 90 days win
      "2026-10-16T09:00-04:00[America/New_York], 15, 2027-01-14T23:59:59.999-05:00[America/New_York], NINETY_DAYS",
      // closes on the 31st: November and February close on their last day; Thanksgiving and Christmas not skipped
      "2026-11-26T09:00-05:00[America/New_York], 31, 2027-01-31T23:59:59.999-05:00[America/New_York], TWO_BILLING_CYCLES",
      "2026-12-01T09:00-05:00[America/New_York], 31, 2027-02-28T23:59:59.999-05:00[America/New_York], TWO_BILLING_CYCLES",
      // a statement closing on Christmas Day: the cycle still ends then (not moved)
      "2026-10-25T09:00-04:00[America/New_York], 25, 2026-12-25T23:59:59.999-05:00[America/New_York], TWO_BILLING_CYCLES",
      // no cycle known: the 90-day outer limit, New Year's Day not moved
      "2026-10-03T10:00-04:00[America/New_York], , 2027-01-01T23:59:59.999-05:00[America/New_York], NINETY_DAYS_WITHOUT_CYCLE"
  })
  void regulationZ_12Cfr1026_13c2_twoCompleteBillingCycles(ZonedDateTime notice, Integer closingDay,
      ZonedDateTime expected, BillingCycle.Limit limit) {
    ZonedDateTime ninetyDays = dueAt("US-REG-Z", "MEDIUM", notice, "decideWithin");
    var resolution = BillingCycle.resolutionDue(closingDay == null ? null : new BillingCycle(closingDay), notice,
        ninetyDays, CALENDARS.get("US"));
    assertThat(resolution.dueAt()).isEqualTo(expected);
    assertThat(resolution.limit()).isEqualTo(limit);
  }

  /** DISP 1.5 (summary resolution by the close of the third business day) and Reg E's 3-business-day report. */
  @ParameterizedTest(name = "{0}: {2} from {1} = {3}")
  @CsvSource({
      "GB-EAW, 2026-12-24T09:00Z[Europe/London], P3BD, 2026-12-31T23:59:59.999Z[Europe/London]",
      "US, 2026-12-18T09:00-05:00[America/New_York], P3BD, 2026-12-23T23:59:59.999-05:00[America/New_York]",
      // a demonstration policy's seconds stay an exact instant
      "CN, 2026-10-01T10:00+08:00[Asia/Shanghai], PT40S, 2026-10-01T10:00:40+08:00[Asia/Shanghai]"
  })
  void businessDaysAndExactDurationsOnTheShippedCalendars(String calendar, ZonedDateTime event, String period,
      ZonedDateTime expected) {
    assertThat(CALENDARS.get(calendar).dueAt(event, period)).isEqualTo(expected);
  }

  /** The catch-all row: a regime no row names (intake refuses one; an old process variable could hold one). */
  @org.junit.jupiter.api.Test
  void catchAllRowGivesAnUnknownRegimeTheCnClock() {
    Map<String, Object> inputs = new java.util.HashMap<>(TransferFacts.NONE.asDecisionInputs());
    inputs.putAll(Map.of("regime", "XX-UNKNOWN", "category", "OTHER", "priority", "LOW"));
    var row = DMN.evaluateDecisionTable(policy, inputs).getFirstResult();
    assertThat(row.<String>getEntry("decideWithin")).isEqualTo("P15D");
    assertThat(row.<String>getEntry("contestWithin")).isEqualTo("P30D");
  }

  private static ZonedDateTime dueAt(String regime, String priority, ZonedDateTime event, String output) {
    return dueAt(regime, priority, event, output, TransferFacts.NONE);
  }

  private static ZonedDateTime dueAt(String regime, String priority, ZonedDateTime event, String output,
      TransferFacts transfer) {
    Map<String, Object> inputs = new java.util.HashMap<>(transfer.asDecisionInputs());
    inputs.putAll(Map.of("regime", regime, "category", "BILLING_DISPUTE", "priority", priority));
    var row = DMN.evaluateDecisionTable(policy, inputs).getFirstResult();
    DeadlinePolicy checked = DeadlinePolicy.of(row::get);
    assertThat(checked).isNotNull();
    String period = (String) row.getEntry(output);
    assertThat(period).as("%s has %s", regime, output).isNotNull();
    return CALENDARS.get(Regime.of(regime).orElseThrow().jurisdiction()).dueAt(event, period);
  }
}
