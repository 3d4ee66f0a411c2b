package io.disputeflow.operations;

import io.disputeflow.operations.OperationsSnapshot.OpenCases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the gauges' figures from the database and the engine, and keeps them for
 * {@code disputeflow.operations.readings-cache} (10 s): however many scrapers and health checks ask
 * (every node of a cluster, several Prometheus servers, a scrape storm), each node asks the database
 * at most once in that time.
 *
 * <p>Each query reads open rows only, through an index (V90): the open cases by
 * {@code ix_complaint_open_clock}, the outbox by {@code ix_letter_status_created}; a million closed
 * cases and their sent letters are never read. The engine's runtime tables hold only what is open
 * (jobs of open cases, open incidents).
 */
@Component
class OperationsReadings {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsReadings.class);
  private static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE,
      Incident.EXTERNAL_TASK_HANDLER_TYPE);

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final Clock clock;
  private final long cacheNanos;

  private final Object reading = new Object();
  /** Null until first read; empty after a read that failed (asked again only once the cache time passed). */
  private volatile Optional<OperationsSnapshot> last;
  private volatile long lastReadNanos;

  OperationsReadings(JdbcClient jdbc, ManagementService management, RuntimeService runtime, Clock clock,
      @Value("${disputeflow.operations.readings-cache:PT10S}") Duration cacheFor) {
    this.jdbc = jdbc;
    this.management = management;
    this.runtime = runtime;
    this.clock = clock;
    // each gauge asks for the figures: without a cache worth the name one scrape would read them once per gauge
    if (cacheFor.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("disputeflow.operations.readings-cache must be at least PT1S, not " + cacheFor);
    }
    this.cacheNanos = cacheFor.toNanos();
  }

  /** The latest figures, read again when older than the cache time; empty while the database cannot be read. */
  Optional<OperationsSnapshot> current() {
    Optional<OperationsSnapshot> figures = last;
    if (figures != null && System.nanoTime() - lastReadNanos < cacheNanos) {
      return figures;
    }
    synchronized (reading) {
      if (last == null || System.nanoTime() - lastReadNanos >= cacheNanos) {
        last = readSafely();
        lastReadNanos = System.nanoTime();
      }
      return last;
    }
  }

  private Optional<OperationsSnapshot> readSafely() {
    try {
      return Optional.of(read());
    } catch (RuntimeException e) {
      // the gauges show no value (NaN) rather than stale figures; the db health component says why
      LOG.warn("Cannot read the operations figures for the metrics and health details: {}", e.toString());
      return Optional.empty();
    }
  }

  OperationsSnapshot read() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return new OperationsSnapshot(now.toInstant(), openCases(now), letters(), oldestWaitingLetter(),
        count("SELECT COUNT(*) FROM policy_improvement WHERE open_key IS NOT NULL"),
        count("SELECT COUNT(*) FROM early_warning WHERE open_key IS NOT NULL"),
        management.createJobQuery().executable().count(), incidents());
  }

  /**
   * {@link io.disputeflow.deadline.ClockState#of}, the one rule for a case's clock state, in SQL for all open
   * cases at once (OperationsTests holds the two together case by case); NONE for a case without a clock.
   */
  private List<OpenCases> openCases(OffsetDateTime now) {
    return jdbc.sql("SELECT stage, regime, clock_state, COUNT(*) AS cases FROM (SELECT stage, regime, CASE"
            + " WHEN decision_due_at IS NULL THEN 'NONE'"
            + " WHEN decided_at IS NOT NULL THEN 'STOPPED'"
            + " WHEN clock_paused_since IS NOT NULL THEN 'PAUSED'"
            + " WHEN decision_due_at <= ? THEN 'OVERDUE'"
            + " WHEN decision_warning_at <= ? THEN 'WARNING'"
            + " ELSE 'ON_TRACK' END AS clock_state"
            + " FROM complaint WHERE status IN ('OPEN', 'AWAITING_CUSTOMER')) open_cases"
            + " GROUP BY stage, regime, clock_state")
        .params(now, now)
        .query((rs, row) -> new OpenCases(rs.getString("stage"), rs.getString("clock_state"), rs.getString("regime"),
            rs.getLong("cases")))
        .list();
  }

  private Map<String, Long> letters() {
    Map<String, Long> letters = new HashMap<>();
    jdbc.sql("SELECT status, COUNT(*) AS letters FROM letter WHERE status IN ('QUEUED', 'SENDING', 'FAILED')"
            + " GROUP BY status")
        .query(rs -> {
          letters.put(rs.getString("status"), rs.getLong("letters"));
        });
    return letters;
  }

  private Instant oldestWaitingLetter() {
    // one index lookup per status (ix_letter_status_created), however many letters wait
    return jdbc.sql("SELECT MIN(created_at) FROM letter WHERE status = 'QUEUED'"
            + " UNION ALL SELECT MIN(created_at) FROM letter WHERE status = 'SENDING'")
        .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).list().stream()
        .filter(java.util.Objects::nonNull).map(OffsetDateTime::toInstant).min(Instant::compareTo).orElse(null);
  }

  private Map<String, Long> incidents() {
    Map<String, Long> incidents = new HashMap<>();
    for (String type : INCIDENT_TYPES) {
      incidents.put(type, runtime.createIncidentQuery().incidentType(type).count());
    }
    return incidents;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
