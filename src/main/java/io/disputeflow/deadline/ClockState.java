package io.disputeflow.deadline;

import io.disputeflow.deadline.ClockRepository.ClockRecord;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Where a complaint's decision clock stands; shown in Tasklist beside the due date and in the API. The one
 * owner of the rule: the API ({@link #of}), the process's {@code clockState} variable (deadline/CaseDueDates
 * and deadline/PeriodRestart, through {@link #running} and {@link #beforeDue}) and, in SQL, the open-case
 * figures (insight/OpenCaseRepository, operations/OperationsReadings) read it the same way.
 */
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
    return running(clock.decisionDueAt().toInstant(),
        clock.warningAt() == null ? null : clock.warningAt().toInstant(), now.toInstant());
  }

  /** A running clock (not paused, not stopped) at {@code now}: OVERDUE from its due time, WARNING from its warning. */
  public static ClockState running(Instant decisionDueAt, Instant warningAt, Instant now) {
    if (!decisionDueAt.isAfter(now)) {
      return OVERDUE;
    }
    return beforeDue(warningAt, now);
  }

  /**
   * A running clock whose due time the decision clock's timer still has to pass: ON_TRACK or WARNING, never
   * OVERDUE, as the breach (its letter and alert) is the timer's to record when it fires.
   */
  public static ClockState beforeDue(Instant warningAt, Instant now) {
    return warningAt != null && !warningAt.isAfter(now) ? WARNING : ON_TRACK;
  }
}
