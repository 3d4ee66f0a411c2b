package io.disputeflow.operations;

import io.disputeflow.engine.JobExecutorState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code jobs} (details for {@code monitoring} and
 * {@code camunda-admin}): the job backlog of the whole cluster, the open incidents, and whether this
 * node's job executor runs and what it did since the node started. UP whatever the figures: a backlog
 * is for the operator to watch (metric {@code disputeflow_jobs_backlog}), not a reason to take the
 * node out of service. UNKNOWN while the figures cannot be read (the {@code db} component says why).
 */
@Component("jobs")
class JobsHealthIndicator extends AbstractHealthIndicator {

  private final OperationsReadings readings;
  private final EngineJobCounts counts;
  private final JobExecutorState jobExecutor;

  JobsHealthIndicator(OperationsReadings readings, EngineJobCounts counts, JobExecutorState jobExecutor) {
    this.readings = readings;
    this.counts = counts;
    this.jobExecutor = jobExecutor;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("executorOnThisNode", jobExecutor.runsOnThisNode() ? "running" : "not running");
    readings.current().ifPresentOrElse(figures -> {
      builder.up().withDetail("backlog", figures.jobsDue());
      Map<String, Long> incidents = new LinkedHashMap<>();
      incidents.put(Incident.FAILED_JOB_HANDLER_TYPE, figures.incidents(Incident.FAILED_JOB_HANDLER_TYPE));
      incidents.put(Incident.EXTERNAL_TASK_HANDLER_TYPE, figures.incidents(Incident.EXTERNAL_TASK_HANDLER_TYPE));
      builder.withDetail("openIncidents", incidents).withDetail("figuresReadAt", figures.readAt().toString());
    }, () -> builder.unknown().withDetail("backlog", "cannot be read now"));
    builder.withDetail("sinceNodeStart", Map.of("acquired", counts.acquired(), "executed", counts.executed(),
        "failed", counts.failed(), "rejected", counts.rejected()));
  }
}
