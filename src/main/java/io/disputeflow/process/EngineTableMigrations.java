package io.disputeflow.process;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our migrations of the engine's own tables (indexes the engine's queries need at our sizes), in
 * {@code db/engine-migration} with a schema history of their own ({@code flyway_engine_history}). Flyway
 * migrates our tables before the engine starts (ProcessEngineDatabaseInitializationDetector), when a fresh
 * database has no {@code ACT_} table yet; these run once the engine has created or upgraded its schema,
 * so they apply to a fresh database and an existing one alike. Each names its objects with our prefix
 * ({@code DF_IDX_}) so no engine upgrade script collides with them.
 */
@Component
class EngineTableMigrations {

  static final String HISTORY_TABLE = "flyway_engine_history";
  static final String LOCATION = "classpath:db/engine-migration";
  private static final Logger LOG = LoggerFactory.getLogger(EngineTableMigrations.class);

  EngineTableMigrations(ProcessEngine processEngine, DataSource dataSource) {
    // the engine parameter orders this after the engine's schema creation; the migrations need nothing else of it
    MigrateResult result = Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE)
        // the schema already holds our tables and the engine's: start this history empty, below every version
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("Engine tables of {} migrated to version {}", processEngine.getName(), result.targetSchemaVersion);
    }
  }
}
