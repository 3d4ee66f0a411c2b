package io.disputeflow.time;

import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/** Adds ISO-8601 durations (P15D, P1M, PT4H) to a time the way a calendar does: in the bank's zone. */
public final class IsoDurations {

  private static final DatatypeFactory FACTORY;

  static {
    try {
      FACTORY = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private IsoDurations() {}

  public static ZonedDateTime add(ZonedDateTime time, String isoDuration) {
    GregorianCalendar calendar = GregorianCalendar.from(time);
    FACTORY.newDuration(isoDuration).addTo(calendar);
    return calendar.toZonedDateTime();
  }

  public static ZonedDateTime subtract(ZonedDateTime time, String isoDuration) {
    GregorianCalendar calendar = GregorianCalendar.from(time);
    FACTORY.newDuration(isoDuration).negate().addTo(calendar);
    return calendar.toZonedDateTime();
  }

  /** The number of days of a whole-day duration such as "P5D"; anything else is refused. */
  public static int wholeDays(String isoDuration) {
    java.time.Period period;
    try {
      period = java.time.Period.parse(isoDuration);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration of whole days (PnD): " + isoDuration);
    }
    if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 0) {
      throw new IllegalArgumentException("not a duration of whole days (PnD): " + isoDuration);
    }
    return period.getDays();
  }

  /** Fails with the offending text when a policy row holds something that is not an ISO duration. */
  public static String requireValid(String name, String isoDuration) {
    try {
      FACTORY.newDuration(isoDuration);
      return isoDuration;
    } catch (RuntimeException e) {
      throw new IllegalStateException("deadline-policy output " + name + " is not an ISO-8601 duration: " + isoDuration);
    }
  }
}
