package io.disputeflow.deadline;

import java.util.Arrays;
import java.util.Optional;

/**
 * The regulatory regimes a complaint can run under (a row of deadline-policy.dmn each) and the
 * jurisdiction whose calendar counts their periods ({@code disputeflow.calendars.<jurisdiction>}).
 */
public enum Regime {
  CN_CBIRC_2020("CN-CBIRC-2020", "CN"),
  UK_FCA_DISP("UK-FCA-DISP", "GB-EAW"),
  UK_FCA_DISP_PSD("UK-FCA-DISP-PSD", "GB-EAW"),
  US_CFPB("US-CFPB", "US"),
  US_REG_E("US-REG-E", "US"),
  US_REG_Z("US-REG-Z", "US");

  private final String code;
  private final String jurisdiction;

  Regime(String code, String jurisdiction) {
    this.code = code;
    this.jurisdiction = jurisdiction;
  }

  public String code() {
    return code;
  }

  public String jurisdiction() {
    return jurisdiction;
  }

  public static Optional<Regime> of(String code) {
    return Arrays.stream(values()).filter(regime -> regime.code.equals(code)).findFirst();
  }

  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(Regime::code).toList());
  }

  /** How people read it in Tasklist and reports (English / Chinese). */
  public String label() {
    return switch (this) {
      case CN_CBIRC_2020 -> "China – CBIRC complaint measures / 中国《银行业保险业消费投诉处理管理办法》";
      case UK_FCA_DISP -> "UK – FCA DISP / 英国 FCA 投诉处理规则";
      case UK_FCA_DISP_PSD -> "UK – FCA DISP, payment services / 英国 FCA 支付服务投诉规则";
      case US_CFPB -> "US – CFPB complaint process / 美国 CFPB 投诉程序";
      case US_REG_E -> "US – Regulation E, transfer errors / 美国 Regulation E（电子转账差错）";
      case US_REG_Z -> "US – Regulation Z, billing errors / 美国 Regulation Z（账单差错）";
    };
  }

  /** "UK-FCA-DISP · UK – FCA DISP / 英国 FCA 投诉处理规则"; a code no regime has, as it is. */
  public static String labelOf(String code) {
    return of(code).map(regime -> regime.code + " · " + regime.label()).orElse(code);
  }
}
