package io.disputeflow.deadline;

import java.util.HashMap;
import java.util.Map;
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

  public String select(String channel, String product, String category) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("jurisdiction", calendars.bankJurisdiction());
    inputs.put("channel", channel);
    inputs.put("product", product);
    inputs.put("category", category);
    var result = decisionService.evaluateDecisionByKey(DECISION).variables(inputs).evaluate();
    Object regime = result.isEmpty() ? null : result.getFirstResult().getEntry("regime");
    if (regime == null || Regime.of(regime.toString()).isEmpty()) {
      throw new IllegalStateException("regime-selection chose " + (regime == null ? "no regime" : regime)
          + " for " + inputs + "; it must choose one of " + Regime.codes());
    }
    return regime.toString();
  }
}
