package io.disputeflow.deadline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * A credit-card account's monthly billing cycle, as the card issuer knows it: the day of the month
 * its statement closes (a month without that day closes on its last day). Regulation Z, 12 CFR
 * 1026.13(c)(2): a billing error is resolved "within two complete billing cycles (but in no event
 * later than 90 days) after receiving a billing error notice". The cycle in which the notice arrives
 * is not complete after it; the two complete cycles are the next two, so the resolution is due at the
 * end of the second statement closing date after the one that ends the notice's cycle.
 */
public record BillingCycle(int closingDay) {

  /** Which limit set the resolution deadline (deadlines.resolutionLimit). */
  public enum Limit { TWO_BILLING_CYCLES, NINETY_DAYS, NINETY_DAYS_WITHOUT_CYCLE }

  /** The resolution deadline of a billing-error notice and the limit that set it. */
  public record Resolution(ZonedDateTime dueAt, Limit limit) {}

  /**
   * The earlier of the end of the second complete cycle and the policy's outer limit ({@code ninetyDaysEnd});
   * without a known cycle ({@code cycle} null) the outer limit.
   */
  public static Resolution resolutionDue(BillingCycle cycle, ZonedDateTime notice, ZonedDateTime ninetyDaysEnd,
      JurisdictionCalendar calendar) {
    if (cycle == null) {
      return new Resolution(ninetyDaysEnd, Limit.NINETY_DAYS_WITHOUT_CYCLE);
    }
    ZonedDateTime cyclesEnd = cycle.endOfSecondCompleteCycleAfter(notice, calendar);
    return cyclesEnd.isBefore(ninetyDaysEnd) ? new Resolution(cyclesEnd, Limit.TWO_BILLING_CYCLES)
        : new Resolution(ninetyDaysEnd, Limit.NINETY_DAYS);
  }

  public BillingCycle {
    if (closingDay < 1 || closingDay > 31) {
      throw new IllegalArgumentException("a statement closing day is 1 to 31: " + closingDay);
    }
  }

  /** The end (24:00, in the calendar's zone) of the second complete billing cycle after the notice. */
  public ZonedDateTime endOfSecondCompleteCycleAfter(ZonedDateTime notice, JurisdictionCalendar calendar) {
    LocalDate day = notice.withZoneSameInstant(calendar.zone()).toLocalDate();
    LocalDate closesNoticeCycle = closingDateIn(YearMonth.from(day));
    if (closesNoticeCycle.isBefore(day)) {
      closesNoticeCycle = closingDateIn(YearMonth.from(day).plusMonths(1));
    }
    return calendar.endOf(closingDateIn(YearMonth.from(closesNoticeCycle).plusMonths(2)));
  }

  private LocalDate closingDateIn(YearMonth month) {
    return month.atDay(Math.min(closingDay, month.lengthOfMonth()));
  }
}
