package io.disputeflow.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A jurisdiction's time zone and non-working days, and the one way every deadline of DisputeFlow is
 * counted ({@link #dueAt}). A period of days starts the day after the event and ends at the end
 * (24:00) of its last day in this zone (《民法典》第二百零一条、第二百零二条; the same reading in the UK
 * and US rules); where {@link #moveEndOffNonWorkingDay} (China, 第二百零三条) a last day that is not a
 * working day moves to the end of the next working day. Business days skip non-working days.
 */
public final class JurisdictionCalendar {

  private final String name;
  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekendDays;
  private final boolean moveEndOffNonWorkingDay;

  public JurisdictionCalendar(String name, ZoneId zone, Collection<LocalDate> holidays,
      Collection<LocalDate> workingWeekendDays, boolean moveEndOffNonWorkingDay) {
    this.name = name;
    this.zone = zone;
    this.holidays = new TreeSet<>(holidays == null ? Set.of() : holidays);
    this.workingWeekendDays = new TreeSet<>(workingWeekendDays == null ? Set.of() : workingWeekendDays);
    this.moveEndOffNonWorkingDay = moveEndOffNonWorkingDay;
  }

  public String name() {
    return name;
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate date) {
    if (holidays.contains(date)) {
      return false;
    }
    boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend || workingWeekendDays.contains(date);
  }

  /** Whether the configuration names any non-working day of {@code year} (a year not configured has none). */
  public boolean covers(int year) {
    return holidays.stream().anyMatch(day -> day.getYear() == year);
  }

  /** When a period of {@code period} (see {@link LegalPeriod}) from {@code event} is due. */
  public ZonedDateTime dueAt(ZonedDateTime event, String period) {
    return dueAt(event, LegalPeriod.parse(period));
  }

  public ZonedDateTime dueAt(ZonedDateTime event, LegalPeriod period) {
    ZonedDateTime local = event.withZoneSameInstant(zone);
    return switch (period.kind()) {
      case EXACT -> local.plus(period.exact());
      case CALENDAR -> {
        LocalDate lastDay = local.toLocalDate().plus(period.calendar());
        yield endOf(moveEndOffNonWorkingDay ? nextWorkingDay(lastDay) : lastDay);
      }
      case BUSINESS_DAYS -> endOf(plusBusinessDays(local.toLocalDate(), period.businessDays()));
    };
  }

  /** The {@code days}th working day after {@code date}; {@code date} itself if zero. */
  public LocalDate plusBusinessDays(LocalDate date, int days) {
    LocalDate day = date;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** 24:00 of {@code day}, as the last representable millisecond before it (what a database and Date keep). */
  public ZonedDateTime endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).minusNanos(1_000_000);
  }
}
