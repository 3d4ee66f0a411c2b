package io.disputeflow.deadline;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.exception.NotFoundException;
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

  /**
   * The row for a complaint; a deployed policy that cannot give one the clock can use (no row, an
   * unreadable period, a failing expression) is a {@link DeadlineModelFault} naming what is wrong.
   */
  public DeadlinePolicy policyFor(String regime, String category, String priority) {
    return policyFor(regime, category, priority, TransferFacts.NONE);
  }

  /** The row for a complaint, with the facts of an electronic fund transfer that choose a Regulation E row. */
  public DeadlinePolicy policyFor(String regime, String category, String priority, TransferFacts transfer) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("regime", regime);
    inputs.put("category", category);
    inputs.put("priority", priority);
    inputs.putAll(transfer.asDecisionInputs());
    DmnDecisionResult result;
    try {
      result = decisionService.evaluateDecisionByKey(DECISION).variables(inputs).evaluate();
    } catch (DmnEngineException | FeelException | NotFoundException e) {
      throw new DeadlineModelFault("deadline-policy cannot be evaluated for " + inputs + ": " + e.getMessage(), e);
    }
    if (result.isEmpty()) {
      throw new DeadlineModelFault("deadline-policy has no row for regime " + regime + ", category " + category
          + ", priority " + priority, null);
    }
    DmnDecisionResultEntries row = result.getFirstResult();
    try {
      return DeadlinePolicy.of(row::get);
    } catch (IllegalArgumentException e) {
      throw new DeadlineModelFault("deadline-policy row for regime " + regime + ": " + e.getMessage(), e);
    }
  }
}
