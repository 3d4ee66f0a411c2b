package io.disputeflow.audit;

import io.disputeflow.audit.Event.ProcessRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Each DMN decision evaluated: which table (key, name, deployed version), the decision that required it,
 * its inputs by clause name and its outputs (prefixed by the rule where several rules matched).
 */
final class DecisionEvents {

  private final CaseHistory history;
  private final CaseTree tree;

  DecisionEvents(CaseHistory history, CaseTree tree) {
    this.history = history;
    this.tree = tree;
  }

  List<Event> extract() {
    List<Event> events = new ArrayList<>();
    for (HistoricProcessInstance instance : history.instances()) {
      List<HistoricDecisionInstance> decisions = history.decisionsOf().get(instance.getId());
      if (decisions != null) {
        decisions(instance, decisions, events);
      }
    }
    return events;
  }

  private void decisions(HistoricProcessInstance instance, List<HistoricDecisionInstance> decisions,
      List<Event> events) {
    ProcessRef process = tree.process(instance.getId());
    List<HistoricDecisionInstance> list = new ArrayList<>(decisions);
    list.sort(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime).thenComparing(HistoricDecisionInstance::getId));
    Map<String, String> keys = new HashMap<>();
    list.forEach(d -> keys.put(d.getId(), d.getDecisionDefinitionKey()));
    for (int i = 0; i < list.size(); i++) {
      HistoricDecisionInstance decision = list.get(i);
      HistoricActivityInstance activity = tree.activity(decision.getActivityInstanceId());
      TreePath node = activity == null ? tree.node(instance.getId()).then(1, -1) : tree.node(activity.getId());
      events.add(new Event(decision.getEvaluationTime().toInstant(), node.then(1, 5, i), EntryType.DECISION_EVALUATED,
          "decision:" + decision.getId())
          .in(process)
          .element(decision.getActivityId(), activity == null ? null : activity.getActivityName())
          .actor(decision.getUserId())
          .put("decision", decision.getDecisionDefinitionKey())
          .put("decisionName", decision.getDecisionDefinitionName())
          .put("decisionVersion",
              Integer.toString(history.definitions().decisionVersion(decision.getDecisionDefinitionId())))
          .put("requiredBy", decision.getRootDecisionInstanceId() == null ? null
              : keys.get(decision.getRootDecisionInstanceId()))
          .putNull("inputs", inputs(decision))
          .putNull("outputs", outputs(decision)));
    }
  }

  private static Map<String, Object> inputs(HistoricDecisionInstance decision) {
    Map<String, Object> inputs = new TreeMap<>();
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      inputs.put(input.getClauseName() != null ? input.getClauseName() : input.getClauseId(),
          Values.of(input.getValue()));
    }
    return inputs;
  }

  private static Map<String, Object> outputs(HistoricDecisionInstance decision) {
    Map<String, Object> outputs = new TreeMap<>();
    Set<Integer> rules = new TreeSet<>();
    decision.getOutputs().forEach(output -> rules.add(output.getRuleOrder()));
    for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
      String name = output.getVariableName() != null ? output.getVariableName() : output.getClauseId();
      outputs.put(rules.size() > 1 ? "rule" + output.getRuleOrder() + "." + name : name, Values.of(output.getValue()));
    }
    return outputs;
  }
}
