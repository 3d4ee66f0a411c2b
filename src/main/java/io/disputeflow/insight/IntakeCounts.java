package io.disputeflow.insight;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the spike detector reads: complaints received per window, by category or product. */
interface IntakeCounts {

  /** A half-open interval [start, end) of receipt times. */
  record Window(OffsetDateTime start, OffsetDateTime end) {}

  /** When intake history begins: baseline windows before it are unknown, not zero. */
  Optional<OffsetDateTime> firstReceivedAt();

  /** Per value of the dimension, the complaints received in each window (same order as the windows). */
  Map<String, int[]> countsByWindow(IntakeDimension dimension, List<Window> windows);
}
