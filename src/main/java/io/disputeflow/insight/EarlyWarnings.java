package io.disputeflow.insight;

import static io.disputeflow.process.EarlyWarningProcess.EXPECTED_COUNT;
import static io.disputeflow.process.EarlyWarningProcess.OBSERVED_COUNT;
import static io.disputeflow.process.EarlyWarningProcess.RESPOND_BY;
import static io.disputeflow.process.EarlyWarningProcess.WARNING_DIMENSION;
import static io.disputeflow.process.EarlyWarningProcess.WARNING_ID;
import static io.disputeflow.process.EarlyWarningProcess.WARNING_LABEL;
import static io.disputeflow.process.EarlyWarningProcess.WARNING_VALUE;
import static io.disputeflow.process.EarlyWarningProcess.WINDOW_END;
import static io.disputeflow.process.EarlyWarningProcess.WINDOW_START;

import io.disputeflow.insight.EarlyWarningDetector.Spike;
import io.disputeflow.process.EarlyWarningProcess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the detector and raises its spikes: an alert row and an early-warning process whose task the
 * supervisors see in Tasklist. Idempotent, so every node of a cluster may check: a key with an open
 * alert only refreshes it, and the unique open key lets one of two racing nodes raise it.
 */
@Service
public class EarlyWarnings {

  private static final Logger LOG = LoggerFactory.getLogger(EarlyWarnings.class);

  private final EarlyWarningRepository repository;
  private final EarlyWarningDetector detector;
  private final EarlyWarningProperties properties;
  private final RuntimeService runtimeService;
  private final TransactionTemplate eachInItsOwnTransaction;
  private final Clock clock;

  EarlyWarnings(EarlyWarningRepository repository, EarlyWarningProperties properties, RuntimeService runtimeService,
      PlatformTransactionManager transactions, Clock clock) {
    this.repository = repository;
    this.detector = new EarlyWarningDetector(repository, properties);
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.eachInItsOwnTransaction = new TransactionTemplate(transactions);
    this.eachInItsOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Checks intake now; answers the business keys of the alerts raised by this check. */
  public List<String> check() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> raised = new ArrayList<>();
    for (Spike spike : detector.detect(now)) {
      try {
        String key = eachInItsOwnTransaction.execute(status -> raiseOrRefresh(spike, now));
        if (key != null) {
          raised.add(key);
        }
      } catch (DuplicateKeyException anotherNodeRaisedIt) {
        LOG.debug("Early warning for {} {} raised by another node", spike.dimension(), spike.value());
      }
    }
    return raised;
  }

  List<EarlyWarning> list(String status) {
    return repository.list(status, 500);
  }

  private String raiseOrRefresh(Spike spike, OffsetDateTime now) {
    var open = repository.findOpen(spike.dimension(), spike.value());
    if (open.isPresent()) {
      repository.refresh(open.get().id(), spike.window(), spike.assessment(), now);
      return null;
    }
    // the supervisor has just dealt with this spike: let its window pass before alerting again
    if (repository.resolvedSince(spike.dimension(), spike.value(), now.minus(properties.window()))) {
      return null;
    }
    long id = repository.insert(spike.dimension(), spike.value(), spike.window(), spike.assessment(), now);
    String businessKey = "EW-" + id;
    repository.setBusinessKey(id, businessKey);
    Map<String, Object> variables = new HashMap<>();
    WARNING_ID.put(variables, id);
    WARNING_DIMENSION.put(variables, spike.dimension().name());
    WARNING_VALUE.put(variables, spike.value());
    WARNING_LABEL.put(variables, spike.dimension().label(spike.value()));
    OBSERVED_COUNT.put(variables, (long) spike.assessment().observed());
    EXPECTED_COUNT.put(variables, String.format(Locale.ROOT, "%.1f", spike.assessment().expected()));
    WINDOW_START.put(variables, Date.from(spike.window().start().toInstant()));
    WINDOW_END.put(variables, Date.from(spike.window().end().toInstant()));
    RESPOND_BY.put(variables, Date.from(now.plus(properties.respondWithin()).toInstant()));
    runtimeService.startProcessInstanceByKey(EarlyWarningProcess.KEY, businessKey, variables);
    LOG.warn("Early warning {}: {} {} received {} complaints in {} (expected {}, p = {})", businessKey,
        spike.dimension(), spike.value(), spike.assessment().observed(), properties.window(),
        String.format(Locale.ROOT, "%.1f", spike.assessment().expected()), spike.assessment().pValue());
    return businessKey;
  }
}
