package io.disputeflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Tasklist and the engine REST API find their engine by name in Camunda's static registry. In a
 * test JVM that registry first reads any camunda.cfg.xml on the classpath (the process tests'
 * engine, which has none of our users) and holds the "default" engine of whichever test context
 * registered last; in production there is one engine. Tests that go through HTTP point it at
 * their application's engine.
 */
public final class ApplicationEngine {

  /**
   * The argument that starts an application beside the cached test contexts, in the same JVM, without the
   * Camunda webapps. Their Spring Boot starter keeps the last started application context in a static field
   * (LazyInitRegistration), from which the webapps' filters of every application in the JVM initialise: once
   * such an application had closed, every webapp sign-in and logout of a test context answered 500.
   */
  public static final String WITHOUT_WEBAPPS =
      "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";

  private ApplicationEngine() {}

  public static void registerForWebRequests(ProcessEngine engine) {
    new ProcessEngines() {
      {
        isInitialized = true;
      }
    };
    ProcessEngines.registerProcessEngine(engine);
  }
}
