package io.disputeflow.deadline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code regulatoryCalendars}: UP, with each calendar's coverage of the
 * current and the next year and a detail per calendar that lacks one of them. It does not take the node out of service (deadlines
 * still run), it tells the operator what to configure.
 */
@Component("regulatoryCalendars")
class CalendarHealthIndicator extends AbstractHealthIndicator {

  private final RegimeCalendars calendars;

  CalendarHealthIndicator(RegimeCalendars calendars) {
    this.calendars = calendars;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up();
    // e.g. "coverage": {"CN": {"2026": "covered", "2027": "missing"}}: the current and the next year of each
    Map<String, Map<String, String>> coverage = new LinkedHashMap<>();
    calendars.coverage().forEach((calendar, years) -> {
      Map<String, String> shown = new LinkedHashMap<>();
      years.forEach((year, covered) -> shown.put(String.valueOf(year), covered ? "covered" : "missing"));
      coverage.put(calendar, shown);
    });
    builder.withDetail("coverage", coverage);
    for (RegimeCalendars.MissingYear missing : calendars.missingYears()) {
      builder.withDetail(missing.calendar() + "." + missing.year(), missing.message());
    }
  }
}
