package io.disputeflow.intake;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.exception.NotFoundException;
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
    // an output the model does not have is absent from the row (getEntry would fail on it)
    Object categoryValue = category.getEntryMap().get("category");
    Object departmentsValue = category.getEntryMap().get("departments");
    Object priorityValue = priority.getEntryMap().get("priority");
    if (!(categoryValue instanceof String) || ((String) categoryValue).isBlank() || !(departmentsValue instanceof String)
        || !(priorityValue instanceof String) || ((String) priorityValue).isBlank()) {
      throw new ClassificationModelFault("complaint-classification gives no usable category, departments or priority"
          + " for " + inputs + ": category=" + categoryValue + ", departments=" + departmentsValue + ", priority="
          + priorityValue, null);
    }
    List<String> departments = Arrays.stream(((String) departmentsValue).split(","))
        .map(String::trim)
        .filter(d -> !d.isEmpty())
        .toList();
    return new Classification((String) categoryValue, (String) priorityValue, departments,
        Boolean.TRUE.equals(category.getEntryMap().get("legalNeeded")));
  }

  /** A decision that cannot be evaluated, or has no rule for the complaint, is a {@link ClassificationModelFault}. */
  private DmnDecisionResultEntries evaluate(String decisionKey, Map<String, Object> inputs) {
    DmnDecisionResult result;
    try {
      result = decisionService.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate();
    } catch (DmnEngineException | FeelException | NotFoundException e) {
      throw new ClassificationModelFault(decisionKey + " cannot be evaluated for " + inputs + ": " + e.getMessage(), e);
    }
    if (result.isEmpty()) {
      throw new ClassificationModelFault(decisionKey + " has no rule for " + inputs, null);
    }
    return result.getFirstResult();
  }
}
