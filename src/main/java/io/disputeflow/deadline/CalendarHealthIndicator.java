package io.disputeflow.deadline;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code regulatoryCalendars}: UP, with a detail per calendar that
 * lacks the current or next year's holidays. It does not take the node out of service (deadlines
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
    for (RegimeCalendars.MissingYear missing : calendars.missingYears()) {
      builder.withDetail(missing.calendar() + "." + missing.year(), missing.message());
    }
  }
}
