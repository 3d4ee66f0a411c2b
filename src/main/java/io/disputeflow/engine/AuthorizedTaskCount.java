package io.disputeflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, every task count (Tasklist's filter counts, its lists' totals, {@code /task/count},
 * {@code TaskQuery.count()}) checks the caller's authorizations by sets read once instead of three index probes
 * a task: at 100,000 open tasks of one group the count took 0.8 s, most of it in the engine's authorization join,
 * and about 0.2 s so (docs/benchmarks.md). The statement is {@code authorized-task-count.xml} beside this class;
 * it counts the tasks the engine's own statement counts, which the engine still runs on H2, with revoke
 * authorizations, and for lists and pages ({@code AuthorizedTaskCountTests} compares them).
 */
@Component
public class AuthorizedTaskCount extends AbstractProcessEnginePlugin {

  /** The engine's task count. */
  static final String ENGINE_STATEMENT = "selectTaskCountByQueryCriteria";
  /** This class's statement in its place. */
  static final String STATEMENT = "io.disputeflow.engine.AuthorizedTaskCount." + ENGINE_STATEMENT;
  private static final String MAPPER = "io/disputeflow/engine/authorized-task-count.xml";

  /** The statement's filters run through the engine's own SQL with this check, which checks nothing. */
  public static AuthorizationCheck unchecked() {
    return new AuthorizationCheck();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    DbSqlSessionFactory statements = engine.getDbSqlSessionFactory();
    if (!"postgres".equals(statements.getDatabaseType())) {
      return;
    }
    addStatement(engine.getSqlSessionFactory().getConfiguration());
    Map<String, String> mappings = statements.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(statements.getStatementMappings());
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    // a copy: the engine's mappings are one map for every engine on PostgreSQL in this JVM
    statements.setStatementMappings(mappings);
  }

  /** Parsed into the engine's MyBatis configuration, once (tests' engines may share a configuration). */
  private static void addStatement(Configuration configuration) {
    synchronized (configuration) {
      if (configuration.hasStatement(STATEMENT, false)) {
        return;
      }
      try (InputStream mapper = AuthorizedTaskCount.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new IllegalStateException(MAPPER + " is not on the class path");
        }
        new XMLMapperBuilder(mapper, configuration, MAPPER, configuration.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** What the engine would map its task count to, for tests: this class's statement on PostgreSQL. */
  static String countStatement(ProcessEngineConfigurationImpl engine) {
    return engine.getDbSqlSessionFactory().mapStatement(ENGINE_STATEMENT);
  }
}
