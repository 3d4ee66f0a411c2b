package io.disputeflow.deadline;

import io.disputeflow.correspondence.RegimeZones;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Letters' dates in the zone of the complaint's regime calendar (the bank's for an unknown regime). */
@Component
class CalendarRegimeZones implements RegimeZones {

  private final RegimeCalendars calendars;

  CalendarRegimeZones(RegimeCalendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public ZoneId zoneOf(String regimeCode) {
    return calendars.forRegime(regimeCode).zone();
  }
}
