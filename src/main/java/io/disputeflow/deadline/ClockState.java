package io.disputeflow.deadline;

/** Where a complaint's decision clock stands; shown in Tasklist beside the due date. */
public enum ClockState {
  ON_TRACK,
  WARNING,
  OVERDUE,
  PAUSED
}
