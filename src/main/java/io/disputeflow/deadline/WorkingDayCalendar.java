package io.disputeflow.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The bank's working days, for internal deadlines (department review, legal opinion, chasing):
 * Monday to Friday in the bank's zone, minus the configured public holidays, plus the weekend days
 * the configuration names as working days (China moves weekend days to bridge holidays, 调休).
 * Regulatory deadlines count calendar days and do not use this calendar.
 *
 * <p>Exposed to models as the bean {@code workingDays}, e.g. {@code camunda:dueDate="${workingDays.fromNow('P2D')}"}.
 */
@Component("workingDays")
@EnableConfigurationProperties(WorkingDayCalendar.Properties.class)
public class WorkingDayCalendar {

  /** {@code disputeflow.calendar.holidays} and {@code disputeflow.calendar.working-weekend-days}. */
  @ConfigurationProperties("disputeflow.calendar")
  public record Properties(List<LocalDate> holidays, List<LocalDate> workingWeekendDays) {}

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekendDays;
  private final ZoneId zone;
  private final java.time.Clock clock;

  public WorkingDayCalendar(Properties properties, @Value("${disputeflow.zone}") ZoneId zone, java.time.Clock clock) {
    this.holidays = new TreeSet<>(properties.holidays() == null ? List.of() : properties.holidays());
    this.workingWeekendDays = new TreeSet<>(
        properties.workingWeekendDays() == null ? List.of() : properties.workingWeekendDays());
    this.zone = zone;
    this.clock = clock;
  }

  public boolean isWorkingDay(LocalDate date) {
    if (holidays.contains(date)) {
      return false;
    }
    boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend || workingWeekendDays.contains(date);
  }

  /**
   * The same time of day {@code days} working days later, counting from the day after {@code start}:
   * received on Friday 16:00, 2 working days → Tuesday 16:00. Zero days on a non-working day rolls
   * forward to the next working day.
   */
  public ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    ZonedDateTime local = start.withZoneSameInstant(zone);
    LocalDate date = local.toLocalDate();
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    while (!isWorkingDay(date)) {
      date = date.plusDays(1);
    }
    return ZonedDateTime.of(date, local.toLocalTime(), zone);
  }

  /** Adds a policy duration of whole days ("P5D") as working days. */
  public ZonedDateTime addWorkingDays(ZonedDateTime start, String isoDays) {
    return addWorkingDays(start, IsoDurations.wholeDays(isoDays));
  }

  /** The next working day at the same time if {@code time} falls on a holiday or weekend. */
  public ZonedDateTime nextWorkingTime(ZonedDateTime time) {
    return addWorkingDays(time, 0);
  }

  /** For models: a due date {@code isoDays} working days from now (the engine clock). */
  public Date fromNow(String isoDays) {
    return Date.from(addWorkingDays(ZonedDateTime.now(clock.withZone(zone)), isoDays).toInstant());
  }
}
