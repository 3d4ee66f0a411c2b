package io.disputeflow.engine;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/** What the engine's history rows carry beyond the public API. */
public final class HistoryRows {

  private HistoryRows() {}

  /**
   * The engine's sequence counter of a history row (activity instance, variable detail, job log): the
   * order of rows written within the same millisecond. 0 for a row that has none.
   */
  public static long sequenceCounter(Object historyRow) {
    return historyRow instanceof HistoryEvent event ? event.getSequenceCounter() : 0;
  }
}
