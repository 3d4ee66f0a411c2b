package io.disputeflow.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of a deadline-policy output, in one of three kinds:
 * <ul>
 *   <li>calendar days, weeks, months or years as ISO-8601 ({@code P15D}, {@code P8W}, {@code P6M}): counted
 *       as the law counts, from the day after the event to the end of the last day;</li>
 *   <li>business days ({@code P15BD}, not ISO): the regime's working days after the day of the event;</li>
 *   <li>a duration under a day ({@code PT40S}, {@code PT4H}): an exact instant, for demonstration
 *       policies and internal targets that are not counted in days.</li>
 * </ul>
 * Anything else (a mix of days and hours, a negative period) is refused with the offending text.
 */
public record LegalPeriod(Kind kind, Period calendar, int businessDays, Duration exact) {

  public enum Kind { CALENDAR, BUSINESS_DAYS, EXACT }

  private static final Pattern BUSINESS_DAYS = Pattern.compile("P(\\d{1,4})BD");

  public static LegalPeriod parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no period given");
    }
    String value = text.trim();
    Matcher business = BUSINESS_DAYS.matcher(value);
    if (business.matches()) {
      return new LegalPeriod(Kind.BUSINESS_DAYS, Period.ZERO, Integer.parseInt(business.group(1)), Duration.ZERO);
    }
    if (value.contains("T")) {
      Duration duration;
      try {
        duration = Duration.parse(value);
      } catch (RuntimeException e) {
        throw refused(value);
      }
      if (duration.isNegative() || duration.compareTo(Duration.ofDays(1)) >= 0 || !value.startsWith("PT")) {
        throw new IllegalArgumentException(value + " mixes days and hours or is a day or longer: write whole days"
            + " (P15D), business days (P15BD) or a duration under a day (PT40S)");
      }
      return new LegalPeriod(Kind.EXACT, Period.ZERO, 0, duration);
    }
    Period period;
    try {
      period = Period.parse(value);
    } catch (RuntimeException e) {
      throw refused(value);
    }
    if (period.isNegative()) {
      throw refused(value);
    }
    return new LegalPeriod(Kind.CALENDAR, period, 0, Duration.ZERO);
  }

  private static IllegalArgumentException refused(String value) {
    return new IllegalArgumentException(value + " is not a period: write calendar days (P15D, P8W, P6M),"
        + " business days (P15BD) or a duration under a day (PT40S)");
  }

  public boolean isZero() {
    return calendar.isZero() && businessDays == 0 && exact.isZero();
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CALENDAR -> calendar.toString();
      case BUSINESS_DAYS -> "P" + businessDays + "BD";
      case EXACT -> exact.toString();
    };
  }
}
