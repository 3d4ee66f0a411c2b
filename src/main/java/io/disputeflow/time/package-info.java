/**
 * The bank's time ({@link io.disputeflow.time.BankTime}: its zone, now and today from the engine clock,
 * timestamps in the zone) and durations as ISO 8601 writes them. Depends on the engine adapter only.
 */
package io.disputeflow.time;
