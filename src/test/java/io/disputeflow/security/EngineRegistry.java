package io.disputeflow.security;

import org.camunda.bpm.engine.ProcessEngines;

/**
 * The engine REST API finds its engine in Camunda's static registry, which on first use builds every
 * engine a camunda.cfg.xml on the classpath describes and registers it under its name. The test
 * classpath has one (the process tests' in-memory engine, also named "default"): without this, REST
 * calls in a Spring test would reach that empty engine instead of the application's.
 */
final class EngineRegistry extends ProcessEngines {

  private EngineRegistry() {}

  static void keepTheApplicationsEngine() {
    isInitialized = true;
  }
}
