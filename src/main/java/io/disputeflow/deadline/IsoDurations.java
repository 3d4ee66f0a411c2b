package io.disputeflow.deadline;

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
