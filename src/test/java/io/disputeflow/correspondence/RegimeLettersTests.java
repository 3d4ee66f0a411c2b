package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.time.BankTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every letter in every regime and language names the deadline and the customer's next remedy under
 * that regime, with the statements its rules require (FCA DISP 1.5.4R, 1.6.1R, 1.6.2R, 1.6.2AR and
 * DISP 1 Annex 3R; 12 CFR 1005.11 and 1026.13; the CBIRC Measures), and never another regime's.
 * Rendered from the real templates with the facts {@link LetterService} gives them.
 */
class RegimeLettersTests {

  private static final List<String> REGIMES = List.of("CN-CBIRC-2020", "UK-FCA-DISP", "UK-FCA-DISP-PSD", "US-CFPB",
      "US-REG-E", "US-REG-Z");
  private static final String DUE = "«due»";
  private static final String ANNEX_3R = "You have the right to refer your complaint to the Financial Ombudsman "
      + "Service, free of charge – but you must do so within six months of the date of this letter";
  private static final String ANNEX_3R_CONSENT = "If you do not refer your complaint in time, the Ombudsman will "
      + "not have our permission to consider your complaint and so will only be able to do so in very limited "
      + "circumstances.";

  private final LetterTemplates templates = new LetterTemplates(BankTime.of(ZoneId.of("Asia/Shanghai")));

  static Stream<Arguments> everyLetterInEveryRegimeAndLanguage() {
    return Stream.of(LetterType.values()).flatMap(type -> REGIMES.stream().filter(regime -> sentUnder(type, regime))
        .flatMap(regime -> LetterTemplates.LANGUAGES.stream().map(language -> Arguments.of(type, regime, language))));
  }

  /** 核查 exists in China only; the summary resolution and the eight-week letter in the UK only. */
  private static boolean sentUnder(LetterType type, String regime) {
    return switch (type) {
      case REVERIFICATION_DECISION -> regime.startsWith("CN");
      case SUMMARY_RESOLUTION, EIGHT_WEEK_LETTER -> regime.startsWith("UK");
      default -> true;
    };
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyLetterInEveryRegimeAndLanguage")
  void shouldRenderEveryLetterWithoutAHoleOrAnotherRegimesRemedy(LetterType type, String regime, String language) {
    RenderedLetter letter = render(type, regime, language, "REJECT");
    assertThat(letter.subject()).isNotBlank().doesNotContain("{{");
    assertThat(letter.body()).doesNotContain("{{", "}}").doesNotContain("\n\n\n");
    if (!regime.startsWith("CN")) {
      assertThat(letter.body()).doesNotContain("12378", "核查)", "申请核查");
    }
    if (!regime.startsWith("UK")) {
      assertThat(letter.body()).doesNotContain("Ombudsman");
    }
    if (!regime.startsWith("US")) {
      assertThat(letter.body()).doesNotContain("CFPB", "Regulation");
    }
  }

  @Test
  void shouldStateEachRegimesDeadlineAndNextRemedyInTheAcknowledgement() {
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "CN-CBIRC-2020", "zh-CN"))
        .contains("于 " + DUE + " 前作出处理决定", "30日内向我行申请核查", "调解", "12378");
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "CN-CBIRC-2020", "en"))
        .contains("decision by " + DUE, "re-verify it (核查) within 30 days", "mediate", "12378");
    // DISP 1.6.1R(1)(b)(ii): a written response within 8 weeks
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "UK-FCA-DISP", "en"))
        .contains("final response within eight weeks of receiving your complaint, by " + DUE,
            "refer your complaint to the Financial Ombudsman Service", "www.financial-ombudsman.org.uk");
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "UK-FCA-DISP", "zh-CN")).contains("八周内，即 " + DUE, "金融申诉专员");
    // DISP 1.6.1R(1)(b)(i): 15 business days, or a holding response and 35 business days
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "UK-FCA-DISP-PSD", "en"))
        .contains("within 15 business days of receiving your complaint, by " + DUE, "holding reply",
            "no later than 35 business days", "Financial Ombudsman Service")
        .doesNotContain("eight weeks");
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "UK-FCA-DISP-PSD", "zh-CN")).contains("15个工作日内，即 " + DUE, "第35个工作日");
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "US-CFPB", "en"))
        .contains("respond to your complaint by " + DUE, "within 60 days", "CFPB portal", "consumerfinance.gov");
    // 12 CFR 1005.11(c)(1), (c)(2)
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "US-REG-E", "en"))
        .contains("within 10 business days, by " + DUE, "provisionally credit your account with the amount in question"
            + " (1,250.00 USD)", "within two business days of crediting it", "within 45 days", "three business days");
    // 12 CFR 1026.13(c)(1), (d)(1)
    RenderedLetter regZ = render(LetterType.ACKNOWLEDGEMENT, "US-REG-Z", "en", null);
    assertThat(regZ.subject()).contains("billing error notice");
    assertThat(regZ.body()).contains("acknowledges your billing error notice", "do not have to pay the amount in question",
        "will not report it as delinquent", "two complete billing cycles, and in any case by " + DUE);
    assertThat(body(LetterType.ACKNOWLEDGEMENT, "US-REG-Z", "zh-CN")).contains("两个完整账单周期", DUE);
  }

  @Test
  void shouldMakeTheExtensionAPaymentServicesHoldingReplyOrAProvisionalCreditNotice() {
    // DISP 1.6.2AR(2): reasons for the delay and the deadline of the final response, at most 35 business days
    RenderedLetter holding = render(LetterType.EXTENSION_NOTICE, "UK-FCA-DISP-PSD", "en", null);
    assertThat(holding.subject()).startsWith("Holding reply");
    assertThat(holding.body()).contains("exceptional circumstances beyond our control", "The reasons for the delay: «reason»",
        "final response by «new due»", "no later than 35 business days", "Financial Ombudsman Service");
    assertThat(render(LetterType.EXTENSION_NOTICE, "UK-FCA-DISP-PSD", "zh-CN", null).subject()).contains("临时答复");
    // 12 CFR 1005.11(c)(2)(i), (ii)
    assertThat(body(LetterType.EXTENSION_NOTICE, "US-REG-E", "en")).contains("provisionally credited your account",
        "(1,250.00 USD)", "full use of this money", "by «new due»", "within three business days");
    assertThat(body(LetterType.EXTENSION_NOTICE, "US-CFPB", "en")).contains("still in progress", "final response by «new due»",
        "CFPB portal");
    assertThat(body(LetterType.EXTENSION_NOTICE, "CN-CBIRC-2020", "zh-CN")).contains("处理期限延长至 «new due»", "12378");
  }

  @Test
  void shouldGiveAUkFinalResponseTheOmbudsmanStatementsDispRequires() {
    for (String regime : List.of("UK-FCA-DISP", "UK-FCA-DISP-PSD")) {
      RenderedLetter letter = render(LetterType.DECISION, regime, "en", "REJECT");
      assertThat(letter.subject()).startsWith("Our final response");
      // DISP 1.6.2R(1)(d)-(f) and DISP 1 Annex 3R (1): leaflet, website, "may now refer", six months, no consent
      assertThat(letter.body()).contains("This is our final response.", "you may now refer your complaint to the Financial"
              + " Ombudsman Service", ANNEX_3R + " (by «until»).", ANNEX_3R_CONSENT, "www.financial-ombudsman.org.uk",
          "explanatory leaflet").doesNotContain("If you accept this decision");
      assertThat(body(LetterType.DECISION, regime, "zh-CN")).contains("最终答复", "六个月内", "www.financial-ombudsman.org.uk");
    }
  }

  @Test
  void shouldReportARegulationEOrZResultWithWhatTheRulesRequire() {
    // 12 CFR 1005.11(d)(1), (d)(2)
    assertThat(body(LetterType.DECISION, "US-REG-E", "en", "REJECT")).contains("copies of the documents we relied on",
        "reverse that credit", "five business days", "Consumer Financial Protection Bureau");
    assertThat(body(LetterType.DECISION, "US-REG-E", "en", "UPHOLD")).contains("provisional credit to your account is now final")
        .doesNotContain("five business days");
    // 12 CFR 1026.13(e), (f), (g)
    assertThat(body(LetterType.DECISION, "US-REG-Z", "en", "UPHOLD")).contains("credited your account with the amount in error");
    assertThat(body(LetterType.DECISION, "US-REG-Z", "en", "REJECT")).contains("statement was correct", "copies of the documents",
        "will not report it as delinquent");
    assertThat(body(LetterType.DECISION, "US-CFPB", "en", "REJECT")).contains("feedback on our response in the CFPB portal by «until»");
    assertThat(body(LetterType.DECISION, "US-REG-E", "en", "REJECT")).doesNotContain("CFPB portal");
  }

  @Test
  void shouldWriteTheSummaryResolutionCommunicationDispRequires() {
    // DISP 1.5.4R (1)-(5)
    RenderedLetter letter = render(LetterType.SUMMARY_RESOLUTION, "UK-FCA-DISP", "en", "UPHOLD");
    assertThat(letter.subject()).contains("resolved");
    assertThat(letter.body()).contains("you made a complaint to us", "we now consider your complaint resolved",
        "«resolution»", "If you later decide that you are dissatisfied with the resolution of your complaint, you may be able"
            + " to refer it to the Financial Ombudsman Service", ANNEX_3R, ANNEX_3R_CONSENT,
        "www.financial-ombudsman.org.uk, where you will find more information");
    assertThat(body(LetterType.SUMMARY_RESOLUTION, "UK-FCA-DISP", "zh-CN")).contains("已经解决", "金融申诉专员", "六个月内");
  }

  @Test
  void shouldExplainTheDelayAndTheOmbudsmanRightInTheEightWeekLetter() {
    // DISP 1.6.2R(2): why, when we expect to respond, "may now refer", the leaflet and website
    assertThat(body(LetterType.EIGHT_WEEK_LETTER, "UK-FCA-DISP", "en")).contains("Eight weeks have now passed",
        "not yet in a position to send you our final response because «why»", "by «expected»",
        "You may now refer your complaint to the Financial Ombudsman Service", "explanatory leaflet",
        "www.financial-ombudsman.org.uk");
    assertThat(body(LetterType.EIGHT_WEEK_LETTER, "UK-FCA-DISP", "zh-CN")).contains("满八周", "«why»", "«expected»",
        "现在即可将投诉免费提交金融申诉专员服务机构");
  }

  private String body(LetterType type, String regime, String language) {
    return body(type, regime, language, "REJECT");
  }

  private String body(LetterType type, String regime, String language, String decision) {
    return render(type, regime, language, decision).body();
  }

  /** The facts LetterService gives each letter, with placeholders where the test looks for them. */
  private RenderedLetter render(LetterType type, String regime, String language, String decision) {
    LetterTemplates.Formats formats = templates.formats(language);
    Map<String, Object> model = new HashMap<>(LetterWriter.regimeFlags(regime));
    model.put("regime", regime);
    model.put("regimeName", formats.label("regime." + regime, regime));
    model.put("complaintNumber", "CMP-2026-000042");
    model.put("customerName", "Amelia Jones");
    model.put("product", formats.label("product.CREDIT_CARD"));
    model.put("issue", "Charged twice");
    model.put("receivedAt", "«received»");
    model.put("decisionDueAt", DUE);
    model.put("letterDate", "«today»");
    model.put("disputedAmount", formats.amount(new java.math.BigDecimal("1250"), "USD"));
    model.put("decision", formats.label("decision." + (decision == null ? "REJECT" : decision)));
    model.put("upheld", "UPHOLD".equals(decision) || "PARTLY_UPHOLD".equals(decision));
    model.put("hasCompensation", false);
    model.put("compensation", null);
    model.put("grounds", "«grounds»");
    model.put("reverificationDeadline", "«until»");
    model.put("newDueAt", "«new due»");
    model.put("reason", "«reason»");
    model.put("pausedAt", "«paused»");
    model.put("answer", "«answer»");
    model.put("outcome", "«outcome»");
    model.put("respondBy", "«respond by»");
    model.put("resolution", "«resolution»");
    model.put("resolvedAt", "«resolved»");
    model.put("delayReason", "«why»");
    model.put("expectedBy", "«expected»");
    model.put("withdrawnAt", "«withdrawn»");
    model.put("decided", false);
    return templates.render(type, language, model);
  }
}
