package io.disputeflow.time;

import io.disputeflow.engine.EngineClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bank's time: its zone ({@code disputeflow.zone}), in which days, deadlines and every timestamp we
 * answer with are read, and the engine's clock, so a test (or the clock API) that moves the engine clock
 * moves every "now". The one place that reads the zone's setting.
 */
@Component
public class BankTime {

  private final ZoneId zone;
  private final Clock clock;

  BankTime(@Value("${disputeflow.zone}") ZoneId zone) {
    this.zone = zone;
    this.clock = new EngineClock(zone);
  }

  /** The bank's time in this zone, for code (and tests) built by hand. */
  public static BankTime of(ZoneId zone) {
    return new BankTime(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The engine's clock in the bank's zone. */
  public Clock clock() {
    return clock;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** The bank's calendar day now. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The same instant as the bank's zone writes it; null stays null. */
  public OffsetDateTime inZone(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }

  /** The instant as the bank's zone writes it; null stays null. */
  public OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
