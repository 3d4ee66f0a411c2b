package io.disputeflow.engine;

/**
 * A check of every BPMN model the engine parses: one being deployed, or a stored one parsed again (a cold
 * cache after a restart; {@link ParsedBpmnModel#isNewDeployment()} tells which). Registered with
 * {@link EngineSettings#checkEveryBpmnModel}; it refuses by throwing, e.g. {@link ModelElement#refusal}.
 */
@FunctionalInterface
public interface BpmnModelCheck {

  void check(ModelElement definitions, ParsedBpmnModel model);
}
