package io.disputeflow.correspondence;

import java.time.ZoneId;

/**
 * The time zone a regime counts its periods in (its calendar's): a letter names its dates there, so a
 * UK customer reads the London date of a deadline that ends at 24:00 London time. Implemented by the
 * regulatory clock, which owns the calendars.
 */
public interface RegimeZones {

  ZoneId zoneOf(String regimeCode);
}
