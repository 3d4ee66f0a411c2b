package io.disputeflow.deadline;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/** Evaluates processes/decisions/deadline-policy.dmn (latest version) for a complaint. */
@Service
public class DeadlinePolicyService {

  public static final String DECISION = "deadline-policy";

  private final DecisionService decisionService;

  DeadlinePolicyService(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public DeadlinePolicy policyFor(String regime, String category, String priority) {
    var result = decisionService.evaluateDecisionByKey(DECISION)
        .variables(Map.of("regime", regime, "category", category, "priority", priority))
        .evaluate();
    if (result.isEmpty()) {
      throw new IllegalStateException("deadline-policy has no row for regime " + regime + ", category " + category
          + ", priority " + priority);
    }
    DmnDecisionResultEntries row = result.getFirstResult();
    try {
      return DeadlinePolicy.of(row::get);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("deadline-policy row for regime " + regime + ": " + e.getMessage(), e);
    }
  }
}
