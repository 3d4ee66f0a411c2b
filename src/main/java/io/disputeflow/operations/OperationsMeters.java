package io.disputeflow.operations;

import io.disputeflow.complaint.Stage;
import io.disputeflow.deadline.ClockState;
import io.disputeflow.deadline.Regime;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The gauges read from the database and the engine ({@link OperationsReadings}) and the job executor's
 * counters ({@link EngineJobCounts}), every one documented in docs/operations/metrics.md. Each label
 * combination is there from the start (0 when nothing matches), so a graph shows 0 rather than a gap.
 * In a cluster every node reports the same database figures: aggregate the gauges with {@code max}.
 */
@Component
class OperationsMeters implements MeterBinder {

  private static final List<String> LETTER_STATUSES = List.of("QUEUED", "SENDING", "FAILED");
  private static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE,
      Incident.EXTERNAL_TASK_HANDLER_TYPE);

  private final OperationsReadings readings;
  private final EngineJobCounts jobs;
  private final Clock clock;

  OperationsMeters(OperationsReadings readings, EngineJobCounts jobs, Clock clock) {
    this.readings = readings;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Stage stage : Stage.values()) {
      if (stage == Stage.CLOSED) {
        continue;
      }
      for (String clockState : OperationsSnapshot.CLOCK_STATES) {
        gauge(registry, "disputeflow.cases.open", "Open cases by stage and where their decision clock stands",
            s -> s.openCases(stage.name(), clockState), "stage", stage.name(), "clock_state", clockState);
      }
    }
    for (Regime regime : Regime.values()) {
      gauge(registry, "disputeflow.cases.overdue", "Open cases past their decision deadline, undecided",
          s -> s.openCasesOfRegime(regime.code(), ClockState.OVERDUE.name()), "regime", regime.code());
      gauge(registry, "disputeflow.cases.warning", "Open cases past their warning time, the deadline not yet reached",
          s -> s.openCasesOfRegime(regime.code(), ClockState.WARNING.name()), "regime", regime.code());
    }
    for (String status : LETTER_STATUSES) {
      gauge(registry, "disputeflow.letters", "Letters in the outbox by status (QUEUED, SENDING, FAILED)",
          s -> s.letters(status), "status", status);
    }
    Gauge.builder("disputeflow.letters.oldest.waiting.age", readings,
            r -> r.current().map(s -> (double) s.oldestLetterAge(clock.instant()).toSeconds()).orElse(Double.NaN))
        .description("How long the oldest letter still waiting to go out (QUEUED or SENDING) has waited")
        .baseUnit("seconds").strongReference(true).register(registry);
    gauge(registry, "disputeflow.policy.improvements.open", "Policy improvements (root-cause fixes) not yet closed",
        OperationsSnapshot::policyImprovementsOpen);
    gauge(registry, "disputeflow.early.warnings.open", "Early warnings (intake spikes) not yet resolved",
        OperationsSnapshot::earlyWarningsOpen);
    gauge(registry, "disputeflow.jobs.backlog", "The engine's jobs due now with retries left, not yet done",
        OperationsSnapshot::jobsDue);
    for (String type : INCIDENT_TYPES) {
      gauge(registry, "disputeflow.incidents.open", "Open incidents (jobs out of retries) by type",
          s -> s.incidents(type), "type", type);
    }
    counter(registry, "disputeflow.jobs.acquired", "Jobs this node's job executor acquired", EngineJobCounts::acquired);
    counter(registry, "disputeflow.jobs.executed", "Jobs run to completion on this node", EngineJobCounts::executed);
    counter(registry, "disputeflow.jobs.failed", "Job runs that failed on this node (each retry counts)",
        EngineJobCounts::failed);
    counter(registry, "disputeflow.jobs.rejected", "Acquired jobs the executor's queue had no room for",
        EngineJobCounts::rejected);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<OperationsSnapshot> value,
      String... tags) {
    ToDoubleFunction<OperationsReadings> read =
        r -> r.current().map(s -> (double) value.applyAsLong(s)).orElse(Double.NaN);
    Gauge.builder(name, readings, read).description(description).tags(tags).strongReference(true).register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description, ToLongFunction<EngineJobCounts> value) {
    FunctionCounter.builder(name, jobs, j -> value.applyAsLong(j)).description(description).register(registry);
  }
}
