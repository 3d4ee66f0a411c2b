package io.disputeflow.modeling;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.deadline.DeadlinePolicy;
import io.disputeflow.deadline.DeadlinePolicyService;
import io.disputeflow.deadline.Regime;
import io.disputeflow.deadline.RegimeSelectionService;
import io.disputeflow.deadline.TransferFacts;
import io.disputeflow.engine.DeploymentCheck;
import io.disputeflow.engine.NewDeployment;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.ParseException;

/**
 * Runs before the engine's deployers: a new deadline-policy or regime-selection that the regulatory
 * clock cannot use is refused (400) naming the decision, the rule and the output, instead of
 * failing every intake afterwards. Each rule's periods are checked as the clock reads them
 * ({@link DeadlinePolicy#of}); the decision is then evaluated for every regime (deadline-policy: a
 * row must apply to each, at every priority) or for every jurisdiction, channel and product
 * (regime-selection: the answer must be a known regime).
 */
class DeadlineModelCheck implements DeploymentCheck {

  private static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH");
  private static final String CLASSIFICATION = "complaint-classification";
  private static final String PRIORITY = "complaint-priority";

  @Override
  public void check(NewDeployment deployment) {
    deployment.resources().forEach((name, content) -> {
      if (name.endsWith(".dmn") && content != null) {
        check(deployment, name, content);
      }
    });
  }

  private static void check(NewDeployment deployment, String name, byte[] content) {
    String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
    if (!text.contains("\"" + DeadlinePolicyService.DECISION + "\"")
        && !text.contains("\"" + RegimeSelectionService.DECISION + "\"")
        && !text.contains("\"" + CLASSIFICATION + "\"") && !text.contains("\"" + PRIORITY + "\"")) {
      return;
    }
    DmnEngine engine = deployment.dmnEngine();
    List<String> problems = new ArrayList<>();
    for (DmnDecision decision : engine.parseDecisionRequirementsGraph(new ByteArrayInputStream(content)).getDecisions()) {
      if (decision.getKey().equals(DeadlinePolicyService.DECISION)) {
        problems.addAll(deadlinePolicy(engine, decision));
      } else if (decision.getKey().equals(RegimeSelectionService.DECISION)) {
        problems.addAll(regimeSelection(engine, decision));
      } else if (decision.getKey().equals(CLASSIFICATION) || decision.getKey().equals(PRIORITY)) {
        problems.addAll(classification(engine, decision));
      }
    }
    if (!problems.isEmpty()) {
      throw new ParseException("Deployment refused: " + name + ": " + String.join("; ", problems), name, List.of(),
          List.of());
    }
  }

  private static List<String> deadlinePolicy(DmnEngine engine, DmnDecision decision) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> rule : literalOutputs(decision).entrySet()) {
      try {
        DeadlinePolicy.of(rule.getValue()::get);
      } catch (IllegalArgumentException e) {
        problems.add("deadline-policy rule '" + rule.getKey() + "': " + e.getMessage());
      }
    }
    for (Regime regime : Regime.values()) {
      for (String priority : PRIORITIES) {
        for (TransferFacts transfer : TransferFacts.EACH) {
          Map<String, Object> inputs = new HashMap<>(transfer.asDecisionInputs());
          inputs.put("regime", regime.code());
          inputs.put("category", "OTHER");
          inputs.put("priority", priority);
          String facts = transfer.codes() == null ? "" : " with " + transfer.codes();
          try {
            var result = engine.evaluateDecisionTable(decision, inputs);
            if (result.isEmpty()) {
              problems.add("deadline-policy has no rule for regime " + regime.code() + " at priority " + priority
                  + facts);
            } else {
              DeadlinePolicy.of(result.getFirstResult()::get);
            }
          } catch (RuntimeException e) {
            problems.add("deadline-policy for regime " + regime.code() + ", priority " + priority + facts + ": "
                + e.getMessage());
          }
        }
      }
    }
    return distinct(problems);
  }

  /**
   * complaint-classification and complaint-priority: evaluated for every channel and product, with and
   * without the facts priority reads, each must give what intake stores (a category and the departments,
   * or a priority); a model intake could not use is refused here instead of faulting at intake.
   */
  private static List<String> classification(DmnEngine engine, DmnDecision decision) {
    List<String> problems = new ArrayList<>();
    boolean priority = decision.getKey().equals(PRIORITY);
    for (Channel channel : Channel.values()) {
      for (Product product : Product.values()) {
        for (boolean vulnerable : List.of(false, true)) {
          Map<String, Object> inputs = new HashMap<>();
          inputs.put("product", product.name());
          inputs.put("issue", "duplicate charge");
          inputs.put("vulnerable", vulnerable);
          inputs.put("customerAge", vulnerable ? 80L : null);
          inputs.put("channel", channel.name());
          inputs.put("disputedAmount", vulnerable ? 100000.0 : null);
          try {
            var result = engine.evaluateDecision(decision, inputs);
            var row = result.isEmpty() ? null : result.getFirstResult();
            Map<String, Object> outputs = row == null ? Map.of() : row.getEntryMap();
            Object answer = outputs.get(priority ? "priority" : "category");
            if (answer == null || answer.toString().isBlank() || (!priority && outputs.get("departments") == null)) {
              problems.add(decision.getKey() + " gives no " + (priority ? "priority" : "category and departments")
                  + " for channel " + channel + ", product " + product + (vulnerable ? ", a vulnerable customer" : ""));
            }
          } catch (RuntimeException e) {
            problems.add(decision.getKey() + " for channel " + channel + ", product " + product + ": " + e.getMessage());
          }
        }
      }
    }
    return distinct(problems);
  }

  private static List<String> regimeSelection(DmnEngine engine, DmnDecision decision) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> rule : literalOutputs(decision).entrySet()) {
      Object regime = rule.getValue().get("regime");
      if (regime != null && Regime.of(regime.toString()).isEmpty()) {
        problems.add("regime-selection rule '" + rule.getKey() + "' output regime " + regime + " is not one of "
            + Regime.codes());
      }
    }
    Set<String> jurisdictions = new LinkedHashSet<>();
    Arrays.stream(Regime.values()).forEach(regime -> jurisdictions.add(regime.jurisdiction()));
    for (String jurisdiction : jurisdictions) {
      for (Channel channel : Channel.values()) {
        for (Product product : Product.values()) {
          Map<String, Object> inputs = new HashMap<>();
          inputs.put("jurisdiction", jurisdiction);
          inputs.put("channel", channel.name());
          inputs.put("product", product.name());
          inputs.put("category", "OTHER");
          try {
            var result = engine.evaluateDecisionTable(decision, inputs);
            Object regime = result.isEmpty() ? null : result.getFirstResult().getEntry("regime");
            if (regime == null || Regime.of(regime.toString()).isEmpty()) {
              problems.add("regime-selection chooses " + (regime == null ? "no regime" : regime) + " for jurisdiction "
                  + jurisdiction + " (e.g. channel " + channel + ", product " + product + ")");
            }
          } catch (RuntimeException e) {
            problems.add("regime-selection for jurisdiction " + jurisdiction + ": " + e.getMessage());
          }
        }
      }
    }
    return distinct(problems);
  }

  /** The rules whose outputs are all string literals ("P15D") or empty (null), by rule id and output name. */
  private static Map<String, Map<String, Object>> literalOutputs(DmnDecision decision) {
    Map<String, Map<String, Object>> rules = new java.util.LinkedHashMap<>();
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      return rules;
    }
    List<DmnDecisionTableOutputImpl> outputs = table.getOutputs();
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      Map<String, Object> values = new HashMap<>();
      boolean literal = true;
      List<DmnExpressionImpl> conclusions = rule.getConclusions();
      for (int i = 0; i < conclusions.size() && i < outputs.size(); i++) {
        String expression = conclusions.get(i).getExpression();
        String value = expression == null ? "" : expression.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          values.put(outputs.get(i).getOutputName(), value.substring(1, value.length() - 1));
        } else if (value.isEmpty()) {
          values.put(outputs.get(i).getOutputName(), null);
        } else {
          literal = false; // an expression: checked when the decision is evaluated for every regime
        }
      }
      if (literal) {
        rules.put(rule.getId(), values);
      }
    }
    return rules;
  }

  /** The first few, once each: one broken row shows for every regime that reaches it. */
  private static List<String> distinct(List<String> problems) {
    return new ArrayList<>(new LinkedHashSet<>(problems)).stream().limit(20).toList();
  }
}
