package io.disputeflow.engine;

/**
 * A check of every new deployment before the engine's deployers store anything of it (registered with
 * {@link EngineSettings#checkEveryNewDeployment}). It refuses by throwing, e.g. a
 * {@link org.camunda.bpm.engine.ParseException}, which the engine's REST API answers with 400.
 */
@FunctionalInterface
public interface DeploymentCheck {

  void check(NewDeployment deployment);
}
