package io.disputeflow.intake;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Classifies a complaint with the DMN decisions in processes/decisions/complaint-classification.dmn
 * (latest deployed version, so a process owner's change applies to the next complaint).
 */
@Service
public class ClassificationService {

  public static final String CLASSIFICATION_DECISION = "complaint-classification";
  public static final String PRIORITY_DECISION = "complaint-priority";

  private final DecisionService decisionService;

  ClassificationService(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public Classification classify(String product, String issue, boolean vulnerable, Long customerAge, String channel,
      BigDecimal disputedAmount) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("product", product);
    inputs.put("issue", issue);
    inputs.put("vulnerable", vulnerable);
    inputs.put("customerAge", customerAge);
    inputs.put("channel", channel);
    inputs.put("disputedAmount", disputedAmount == null ? null : disputedAmount.doubleValue());
    DmnDecisionResultEntries category = evaluate(CLASSIFICATION_DECISION, inputs);
    DmnDecisionResultEntries priority = evaluate(PRIORITY_DECISION, inputs);
    List<String> departments = Arrays.stream(category.<String>getEntry("departments").split(","))
        .map(String::trim)
        .filter(d -> !d.isEmpty())
        .toList();
    return new Classification(category.getEntry("category"), priority.getEntry("priority"), departments,
        Boolean.TRUE.equals(category.getEntry("legalNeeded")));
  }

  private DmnDecisionResultEntries evaluate(String decisionKey, Map<String, Object> inputs) {
    var result = decisionService.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate();
    if (result.isEmpty()) {
      throw new IllegalStateException("Decision " + decisionKey + " has no rule for " + inputs);
    }
    return result.getFirstResult();
  }
}
