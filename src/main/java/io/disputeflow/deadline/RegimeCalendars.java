package io.disputeflow.deadline;

import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The calendars of the jurisdictions the bank answers to ({@code disputeflow.calendars}), and the
 * bank's own ({@code disputeflow.jurisdiction}) for internal deadlines. A bank adds each year's
 * non-working days when they are published; a calendar that lacks the current or the next year is
 * reported at start and in the health endpoint ({@link #missingYears}), because its deadlines would
 * then fall on holidays.
 */
@Component
@EnableConfigurationProperties(RegimeCalendars.Properties.class)
public class RegimeCalendars {

  private static final Logger log = LoggerFactory.getLogger(RegimeCalendars.class);

  /** One jurisdiction: its zone, non-working days, weekend days worked (调休), and the Chinese rule 第二百零三条. */
  public record CalendarProperties(ZoneId zone, List<LocalDate> holidays, List<LocalDate> workingWeekendDays,
      boolean moveEndOffNonWorkingDay) {}

  @ConfigurationProperties("disputeflow")
  public record Properties(Map<String, CalendarProperties> calendars, String jurisdiction) {}

  private final Map<String, JurisdictionCalendar> calendars = new LinkedHashMap<>();
  private final String bankJurisdiction;
  private final Clock clock;

  public RegimeCalendars(Properties properties, BankTime bankTime, Clock clock) {
    ZoneId bankZone = bankTime.zone();
    this.clock = clock;
    this.bankJurisdiction = properties.jurisdiction() == null ? "CN" : properties.jurisdiction();
    if (properties.calendars() != null) {
      properties.calendars().forEach((name, c) -> calendars.put(name, new JurisdictionCalendar(name,
          c.zone() == null ? bankZone : c.zone(), c.holidays(), c.workingWeekendDays(), c.moveEndOffNonWorkingDay())));
    }
    for (Regime regime : Regime.values()) {
      if (!calendars.containsKey(regime.jurisdiction())) {
        throw new IllegalStateException("disputeflow.calendars has no calendar " + regime.jurisdiction()
            + " for regime " + regime.code());
      }
    }
    if (!calendars.containsKey(bankJurisdiction)) {
      throw new IllegalStateException("disputeflow.jurisdiction " + bankJurisdiction
          + " names no calendar of disputeflow.calendars (" + calendars.keySet() + ")");
    }
    missingYears().forEach(missing -> log.warn("Calendar {}: {}", missing.calendar(), missing.message()));
  }

  /** The calendar that counts {@code regimeCode}'s periods; an unknown code counts on the bank's own. */
  public JurisdictionCalendar forRegime(String regimeCode) {
    return Regime.of(regimeCode).map(regime -> calendars.get(regime.jurisdiction())).orElse(bank());
  }

  /** The bank's own calendar: internal deadlines and the bank's default jurisdiction. */
  public JurisdictionCalendar bank() {
    return calendars.get(bankJurisdiction);
  }

  public String bankJurisdiction() {
    return bankJurisdiction;
  }

  public record MissingYear(String calendar, int year, String message) {}

  /** Each calendar's current or next year (in its zone) that names no non-working day. */
  /** Per calendar, whether it holds the holidays of the current and the next year (each in its own zone). */
  public Map<String, Map<Integer, Boolean>> coverage() {
    Map<String, Map<Integer, Boolean>> coverage = new LinkedHashMap<>();
    for (JurisdictionCalendar calendar : calendars.values()) {
      int year = ZonedDateTime.now(clock.withZone(calendar.zone())).getYear();
      Map<Integer, Boolean> years = new LinkedHashMap<>();
      for (int y = year; y <= year + 1; y++) {
        years.put(y, calendar.covers(y));
      }
      coverage.put(calendar.name(), years);
    }
    return coverage;
  }

  public List<MissingYear> missingYears() {
    List<MissingYear> missing = new ArrayList<>();
    for (JurisdictionCalendar calendar : calendars.values()) {
      int year = ZonedDateTime.now(clock.withZone(calendar.zone())).getYear();
      for (int y = year; y <= year + 1; y++) {
        if (!calendar.covers(y)) {
          missing.add(new MissingYear(calendar.name(), y, "no holidays configured for " + y
              + " (disputeflow.calendars." + calendar.name() + ".holidays): deadlines in " + y
              + " may fall on a public holiday; add the year's schedule when it is published"));
        }
      }
    }
    return missing;
  }
}
