package io.disputeflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.Transaction;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's MyBatis mappings parsed once per test JVM and database, not once per application the tests start.
 * Parsing them took 3 to 4 s of CPU for each of the 22 engines a build starts (about 15 % of each test JVM's CPU,
 * sampled with Flight Recorder), for the same result every time. Each engine still opens its sessions on its own
 * data source: only the parsed statements are shared, which depend on nothing but the database type and the
 * settings of {@link #key}. Production starts one engine and parses once, as Camunda does; this bean is on the
 * tests' class path only (component scan of io.disputeflow, as {@link DecisionRowRecorder}).
 */
@Component
public class SharedEngineMappings extends AbstractProcessEnginePlugin {

  private static final Map<List<Object>, Configuration> PARSED = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl engine) {
    // the engine builds its own factory only when none is set (ProcessEngineConfigurationImpl.initSqlSessionFactory)
    engine.setSqlSessionFactory(new EngineSessions(engine));
  }

  /** What the parsed statements depend on: what Camunda's own parse reads from the engine's configuration. */
  private static List<Object> key(ProcessEngineConfigurationImpl engine) {
    return List.of(engine.getDatabaseType(), engine.getDatabaseTablePrefix(), engine.isJdbcBatchProcessing(),
        String.valueOf(engine.getJdbcStatementTimeout()));
  }

  /** As ProcessEngineConfigurationImpl.initSqlSessionFactory parses, without an environment: sessions bring their own. */
  private static Configuration parse(ProcessEngineConfigurationImpl engine) {
    Properties properties = new Properties();
    properties.put("prefix", engine.getDatabaseTablePrefix());
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, engine.getDatabaseTablePrefix(),
        engine.getDatabaseType());
    try (InputStream mappings = ProcessEngineConfigurationImpl.class.getClassLoader()
        .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
      Configuration configuration = new XMLConfigBuilder(new InputStreamReader(mappings, StandardCharsets.UTF_8), "",
          properties).parse();
      configuration.setDefaultStatementTimeout(engine.getJdbcStatementTimeout());
      if (engine.isJdbcBatchProcessing()) {
        configuration.setDefaultExecutorType(ExecutorType.BATCH);
      }
      return configuration;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One engine's sessions: the shared statements on this engine's data source and transaction factory, as
   * MyBatis's DefaultSqlSessionFactory opens them from its environment. Resolved at the first session, after the
   * engine's init has found its database type.
   */
  private static final class EngineSessions implements SqlSessionFactory {

    private final ProcessEngineConfigurationImpl engine;
    /** Looked up once: every command of the engine opens a session, and the key does not change after init. */
    private volatile Configuration configuration;

    EngineSessions(ProcessEngineConfigurationImpl engine) {
      this.engine = engine;
    }

    @Override
    public Configuration getConfiguration() {
      Configuration resolved = configuration;
      if (resolved == null) {
        resolved = PARSED.computeIfAbsent(key(engine), ignored -> parse(engine));
        configuration = resolved;
      }
      return resolved;
    }

    @Override
    public SqlSession openSession() {
      return openSession(getConfiguration().getDefaultExecutorType());
    }

    @Override
    public SqlSession openSession(boolean autoCommit) {
      return fromDataSource(getConfiguration().getDefaultExecutorType(), null, autoCommit);
    }

    @Override
    public SqlSession openSession(Connection connection) {
      return openSession(getConfiguration().getDefaultExecutorType(), connection);
    }

    @Override
    public SqlSession openSession(TransactionIsolationLevel level) {
      return fromDataSource(getConfiguration().getDefaultExecutorType(), level, false);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType) {
      return fromDataSource(executorType, null, false);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType, boolean autoCommit) {
      return fromDataSource(executorType, null, autoCommit);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType, TransactionIsolationLevel level) {
      return fromDataSource(executorType, level, false);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType, Connection connection) {
      boolean autoCommit;
      try {
        autoCommit = connection.getAutoCommit();
      } catch (SQLException e) {
        // as DefaultSqlSessionFactory: a driver that cannot tell is taken to commit itself
        autoCommit = true;
      }
      return session(engine.getTransactionFactory().newTransaction(connection), executorType, autoCommit);
    }

    private SqlSession fromDataSource(ExecutorType executorType, TransactionIsolationLevel level, boolean autoCommit) {
      return session(engine.getTransactionFactory().newTransaction(engine.getDataSource(), level, autoCommit),
          executorType, autoCommit);
    }

    private SqlSession session(Transaction transaction, ExecutorType executorType, boolean autoCommit) {
      Configuration configuration = getConfiguration();
      return new DefaultSqlSession(configuration, configuration.newExecutor(transaction, executorType), autoCommit);
    }
  }
}
