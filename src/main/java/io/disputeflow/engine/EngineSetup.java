package io.disputeflow.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * A feature's part of the engine's configuration, as a bean: {@link EngineSetupPlugin} calls every one
 * while the engine is built (in bean order). Each phase is optional.
 */
public interface EngineSetup {

  /** Before the engine initialises: settings, listeners on every model, deployment checks. */
  default void beforeInit(EngineSettings engine) {}

  /** After it initialised, before it is built: what needs the engine's own parts (its meters). */
  default void afterInit(EngineSettings engine) {}

  /** Once the engine is built: work through its public API at start. */
  default void afterBuild(ProcessEngine engine) {}
}
