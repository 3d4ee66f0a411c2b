package io.disputeflow.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Our clock follows the engine's, so a test that moves the engine clock moves every timestamp we write. */
public class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return now();
  }

  /** The engine clock's instant: the real time, or the time a test (or the clock API) set. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
