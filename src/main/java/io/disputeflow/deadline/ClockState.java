package io.disputeflow.deadline;

import io.disputeflow.deadline.ClockRepository.ClockRecord;
import java.time.OffsetDateTime;

/** Where a complaint's decision clock stands; shown in Tasklist beside the due date and in the API. */
public enum ClockState {
  ON_TRACK,
  WARNING,
  OVERDUE,
  PAUSED,
  /** The decision is made or the case closed: the decision clock no longer runs. */
  STOPPED;

  /**
   * The state of a stored clock at {@code now}; null for a case without a decision clock (an
   * inquiry answered at first contact). One rule for the API and for Tasklist.
   */
  public static ClockState of(ClockRecord clock, boolean decidedOrClosed, OffsetDateTime now) {
    if (clock.decisionDueAt() == null) {
      return null;
    }
    if (decidedOrClosed) {
      return STOPPED;
    }
    if (clock.pausedSince() != null) {
      return PAUSED;
    }
    if (!clock.decisionDueAt().isAfter(now)) {
      return OVERDUE;
    }
    return clock.warningAt() != null && !clock.warningAt().isAfter(now) ? WARNING : ON_TRACK;
  }
}
