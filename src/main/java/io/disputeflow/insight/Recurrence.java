package io.disputeflow.insight;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.BiFunction;

/**
 * How often a root cause recurred around a change (a policy fix, an education action): the complaints
 * closed with it since the change, against those closed in the same length of time before it.
 */
record Recurrence(long before, long since) {

  /** {@code closedBetween(after, upTo)} counts the complaints closed in that period. */
  static Recurrence around(OffsetDateTime change, OffsetDateTime now,
      BiFunction<OffsetDateTime, OffsetDateTime, Integer> closedBetween) {
    Duration period = Duration.between(change, now);
    return new Recurrence(closedBetween.apply(change.minus(period), change), closedBetween.apply(change, now));
  }
}
