package io.disputeflow.audit;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import io.disputeflow.time.BankTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the engine keeps a case's history, and when it deletes what has expired.
 *
 * <p>{@code disputeflow.retention} is the bank's records policy and wins over the
 * {@code camunda:historyTimeToLive} that every model still carries (Modeler and the linter want it):
 * models are parsed with it, definitions deployed before a change of it are updated at start, and
 * the cleanup runs only in the nightly window {@code disputeflow.history-cleanup.window-start/-end},
 * read in the bank's zone.
 */
@Component
class HistoryRetention implements EngineSetup {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);
  /** The regulator's rule: records are kept at least three years (1,096 days cover a leap day). */
  static final int MINIMUM_DAYS = 1096;
  private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("HH:mmxx");

  private final int days;
  private final String windowStart;
  private final String windowEnd;

  HistoryRetention(@Value("${disputeflow.retention}") Period retention,
      @Value("${disputeflow.history-cleanup.window-start}") LocalTime windowStart,
      @Value("${disputeflow.history-cleanup.window-end}") LocalTime windowEnd,
      BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    this.days = days(retention);
    this.windowStart = inZone(windowStart, zone);
    this.windowEnd = inZone(windowEnd, zone);
  }

  static int days(Period retention) {
    if (retention.getYears() != 0 || retention.getMonths() != 0) {
      throw new IllegalArgumentException("disputeflow.retention must be given in days (e.g. P1096D): the engine"
          + " keeps history for whole days; got " + retention);
    }
    if (retention.getDays() < MINIMUM_DAYS) {
      throw new IllegalArgumentException("disputeflow.retention must be at least P" + MINIMUM_DAYS
          + "D: complaint records are kept at least three years; got " + retention);
    }
    return retention.getDays();
  }

  /** The engine reads "HH:mm+hhmm"; the offset is the bank zone's offset at start. */
  private static String inZone(LocalTime time, ZoneId zone) {
    return ZonedDateTime.now(zone).with(time).format(ENGINE_TIME);
  }

  @Override
  public void beforeInit(EngineSettings engine) {
    // the default for a model without the attribute, and the override of the attribute in every model
    engine.historyTimeToLive(days);
    engine.historyCleanupWindow(windowStart, windowEnd);
  }

  @Override
  public void afterBuild(ProcessEngine engine) {
    RepositoryService repository = engine.getRepositoryService();
    int updated = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
      }
    }
    if (updated > 0) {
      recalculateRemovalTimes(engine.getHistoryService());
      LOG.info("History retention changed to {} days: {} definitions updated, removal times of finished cases"
          + " are recalculated by a batch", days, updated);
    }
  }

  /** Finished cases got their removal time when they ended; a new retention applies to them too. */
  private static void recalculateRemovalTimes(HistoryService history) {
    var finished = history.createHistoricProcessInstanceQuery().rootProcessInstances().finished();
    if (finished.count() > 0) {
      history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byQuery(finished).hierarchical()
          .executeAsync();
    }
  }
}
