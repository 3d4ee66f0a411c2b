package io.disputeflow.deadline;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Evaluates processes/decisions/regime-selection.dmn (latest version): the regime of a complaint
 * that intake did not name, from the bank's jurisdiction, the channel, the product and the category
 * (the topic, from classification).
 */
@Service
public class RegimeSelectionService {

  public static final String DECISION = "regime-selection";

  private final DecisionService decisionService;
  private final RegimeCalendars calendars;

  RegimeSelectionService(DecisionService decisionService, RegimeCalendars calendars) {
    this.decisionService = decisionService;
    this.calendars = calendars;
  }

  /** The regime; a deployed selection that names none of {@link Regime} is a {@link DeadlineModelFault}. */
  public String select(String channel, String product, String category) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("jurisdiction", calendars.bankJurisdiction());
    inputs.put("channel", channel);
    inputs.put("product", product);
    inputs.put("category", category);
    DmnDecisionResult result;
    try {
      result = decisionService.evaluateDecisionByKey(DECISION).variables(inputs).evaluate();
    } catch (DmnEngineException | FeelException | NotFoundException e) {
      throw new DeadlineModelFault("regime-selection cannot be evaluated for " + inputs + ": " + e.getMessage(), e);
    }
    Object regime = result.isEmpty() ? null : result.getFirstResult().getEntry("regime");
    if (regime == null || Regime.of(regime.toString()).isEmpty()) {
      throw new DeadlineModelFault("regime-selection chose " + (regime == null ? "no regime" : regime)
          + " for " + inputs + "; it must choose one of " + Regime.codes(), null);
    }
    return regime.toString();
  }
}
