package io.disputeflow.operations;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's counts since this node started, for Prometheus: what the engine counts itself
 * (its metrics {@code job-acquired-success}, {@code job-successful}, {@code job-failed},
 * {@code job-execution-rejected}) is also kept here. The engine's own meters are emptied into its
 * database table every few minutes; these only grow, as a Prometheus counter must.
 */
@Component
class EngineJobCounts extends AbstractProcessEnginePlugin {

  private final LongAdder acquired = new LongAdder();
  private final LongAdder executed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, Meter> meters = configuration.getMetricsRegistry().getDbMeters();
    meters.put(Metrics.JOB_ACQUIRED_SUCCESS, new AlsoCounting(Metrics.JOB_ACQUIRED_SUCCESS, acquired));
    meters.put(Metrics.JOB_SUCCESSFUL, new AlsoCounting(Metrics.JOB_SUCCESSFUL, executed));
    meters.put(Metrics.JOB_FAILED, new AlsoCounting(Metrics.JOB_FAILED, failed));
    meters.put(Metrics.JOB_EXECUTION_REJECTED, new AlsoCounting(Metrics.JOB_EXECUTION_REJECTED, rejected));
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

  /** The engine's meter, which also adds to one of ours. */
  private static final class AlsoCounting extends Meter {

    private final LongAdder ours;

    AlsoCounting(String name, LongAdder ours) {
      super(name);
      this.ours = ours;
    }

    @Override
    public void mark() {
      super.mark();
      ours.increment();
    }

    @Override
    public void markTimes(long times) {
      super.markTimes(times);
      ours.add(times);
    }
  }
}
