package io.disputeflow.operations;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's counts since this node started, for Prometheus: what the engine counts itself
 * (its metrics {@code job-acquired-success}, {@code job-successful}, {@code job-failed},
 * {@code job-execution-rejected}) is also kept here. The engine's own meters are emptied into its
 * database table every few minutes; these only grow, as a Prometheus counter must.
 */
@Component
class EngineJobCounts implements EngineSetup {

  private final LongAdder acquired = new LongAdder();
  private final LongAdder executed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  @Override
  public void afterInit(EngineSettings engine) {
    engine.alsoCount(Metrics.JOB_ACQUIRED_SUCCESS, acquired);
    engine.alsoCount(Metrics.JOB_SUCCESSFUL, executed);
    engine.alsoCount(Metrics.JOB_FAILED, failed);
    engine.alsoCount(Metrics.JOB_EXECUTION_REJECTED, rejected);
  }

  /** Jobs this node's job executor acquired (locked to run them). */
  long acquired() {
    return acquired.sum();
  }

  /** Jobs run to completion on this node (by the job executor or run directly). */
  long executed() {
    return executed.sum();
  }

  /** Job runs that failed (each retry counts; the last one becomes an incident). */
  long failed() {
    return failed.sum();
  }

  /** Acquired jobs the executor's queue had no room for (they wait for the next acquisition). */
  long rejected() {
    return rejected.sum();
  }
}
