package io.disputeflow.operations;

/**
 * Where an open case's decision clock stands, as the metrics label it: as the complaint API shows it
 * ({@code deadlines.clockState}), plus NONE before the clock starts.
 */
enum CaseClock {
  /** No decision deadline yet (the case is still being classified). */
  NONE,
  ON_TRACK,
  /** Past the warning time, the deadline not yet reached. */
  WARNING,
  /** Past the decision deadline, undecided. */
  OVERDUE,
  PAUSED,
  /** Decided: the case waits for the customer or the feedback survey. */
  STOPPED
}
