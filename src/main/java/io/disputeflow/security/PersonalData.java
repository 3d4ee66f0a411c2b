package io.disputeflow.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text and single fields: mainland-China ID numbers (18 characters),
 * card and account numbers (16–19 digits, also grouped by spaces or dashes) and mobile numbers keep
 * their last four digits (a mobile number also its first three); e-mail addresses keep the first
 * character and the domain. Used for logs (MaskingConverter) and for groups that may not see
 * contact data (ComplaintDisclosure).
 */
public final class PersonalData {

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
  private static final Pattern CARD_OR_ACCOUNT = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){15,18}(?![\\d-])");
  private static final Pattern MOBILE = Pattern.compile("(?<![\\d+])(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d){8}(?!\\d)");
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

  private PersonalData() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = replace(ID_NUMBER, text, PersonalData::keepLastFour);
    masked = replace(CARD_OR_ACCOUNT, masked, PersonalData::keepLastFour);
    masked = replace(MOBILE, masked, PersonalData::maskMobile);
    return EMAIL.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "***@" + match.group(2)));
  }

  private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> masking) {
    return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(masking.apply(match.group())));
  }

  private static String keepLastFour(String number) {
    String digits = number.replaceAll("[ -]", "");
    return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }

  private static String maskMobile(String number) {
    String digits = number.replaceAll("[ -]", "");
    String national = digits.substring(digits.length() - 11);
    return national.substring(0, 3) + "****" + national.substring(7);
  }
}
