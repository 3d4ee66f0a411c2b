package io.disputeflow.process;

import io.disputeflow.support.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * The process tests' engine (camunda.cfg.xml) with coverage recording, as the coverage library's own
 * in-memory configuration: on H2, or on a fresh database of the embedded PostgreSQL when the build
 * selects PostgreSQL (see {@link TestDatabase}).
 */
public class ProcessTestEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

  @Override
  public ProcessEngine buildProcessEngine() {
    if (!TestDatabase.postgresSelected()) {
      return super.buildProcessEngine();
    }
    TestDatabase database = TestDatabase.postgres();
    setJdbcDriver("org.postgresql.Driver");
    setJdbcUrl(database.url());
    setJdbcUsername(database.username());
    setJdbcPassword(database.password());
    ProcessEngine engine = super.buildProcessEngine();
    // closing the engine closes its connection pool, which lets the embedded PostgreSQL stop at exit
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "process-engine-close"));
    return engine;
  }

  @Override
  protected void init() {
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
    super.init();
  }
}
