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
}
