package io.disputeflow.deadline;

import io.disputeflow.time.IsoDurations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The bank's working days ({@code disputeflow.jurisdiction}'s calendar), for internal deadlines the
 * models set (chasing, root-cause analysis). Exposed to models as the bean {@code workingDays}, e.g.
 * {@code camunda:dueDate="${workingDays.fromNow('P2D')}"}: the end of the second working day after today.
 */
@Component("workingDays")
public class WorkingDayCalendar {

  private final JurisdictionCalendar calendar;
  private final Clock clock;

  @Autowired
  public WorkingDayCalendar(RegimeCalendars calendars, Clock clock) {
    this(calendars.bank(), clock);
  }

  public WorkingDayCalendar(JurisdictionCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public boolean isWorkingDay(LocalDate date) {
    return calendar.isWorkingDay(date);
  }

  /**
   * The same time of day {@code days} working days later, counting from the day after {@code start}
   * (used to keep a moved due date's time of day). Zero days on a non-working day rolls forward.
   */
  public ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    ZonedDateTime local = start.withZoneSameInstant(calendar.zone());
    LocalDate date = calendar.nextWorkingDay(calendar.plusBusinessDays(local.toLocalDate(), days));
    return ZonedDateTime.of(date, local.toLocalTime(), calendar.zone());
  }

  /** Adds a policy duration of whole days ("P5D") as working days, keeping the time of day. */
  public ZonedDateTime addWorkingDays(ZonedDateTime start, String isoDays) {
    return addWorkingDays(start, IsoDurations.wholeDays(isoDays));
  }

  /** The next working day at the same time if {@code time} falls on a holiday or weekend. */
  public ZonedDateTime nextWorkingTime(ZonedDateTime time) {
    return addWorkingDays(time, 0);
  }

  /** For models: the end of the {@code isoDays}th working day after today (the engine clock). */
  public Date fromNow(String isoDays) {
    int days = IsoDurations.wholeDays(isoDays);
    return Date.from(calendar.dueAt(ZonedDateTime.now(clock), "P" + days + "BD").toInstant());
  }
}
