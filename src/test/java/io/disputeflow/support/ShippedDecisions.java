package io.disputeflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnDecision;

/**
 * A decision model of processes/decisions on a bare DMN engine, for tests that check a table row by
 * row: it tells which rules matched in the last evaluation, and records them for the row coverage check.
 */
public final class ShippedDecisions {

  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions = new HashMap<>();
  private final List<String> matched = new ArrayList<>();

  public ShippedDecisions(String model) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setCustomPostDecisionTableEvaluationListeners(List.of(new DecisionRowRecorder(),
        event -> event.getMatchingRules().forEach(rule -> matched.add(rule.getId()))));
    engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes", "decisions", model))) {
      engine.parseDecisions(in).forEach(decision -> decisions.put(decision.getKey(), decision));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables) {
    matched.clear();
    return engine.evaluateDecision(decisions.get(decisionKey), variables);
  }

  /** The rules that matched in the last evaluation, of every table it ran (required decisions first). */
  public synchronized List<String> matched() {
    return List.copyOf(matched);
  }
}
