package io.disputeflow.deadline;

import static io.disputeflow.deadline.IsoDurations.requireValid;

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
    return new DeadlinePolicy(
        duration(row, "decideWithin"),
        duration(row, "firstExtension"),
        duration(row, "secondExtension"),
        duration(row, "warnBefore"),
        duration(row, "departmentReviewWithin"),
        duration(row, "legalOpinionWithin"),
        duration(row, "contestWithin"),
        duration(row, "reverificationWithin"),
        duration(row, "surveyWithin"));
  }

  private static String duration(DmnDecisionResultEntries row, String name) {
    return requireValid(name, row.getEntry(name));
  }
}
