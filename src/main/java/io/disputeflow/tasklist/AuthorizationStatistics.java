package io.disputeflow.tasklist;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL statistics on the permission bits that every task query's authorization check tests
 * ({@code PERMS_ & 2} READ, {@code PERMS_ & 64} READ_TASK). Without them the planner guesses that a
 * group holds two authorizations and joins every task with every authorization of the group: with a
 * task authorization per open task (candidate groups) that grew with the square of the open tasks
 * (a Tasklist filter of 2,000 tasks took a second). With them it looks each task's authorizations up
 * in the resource index. H2 plans that join by the index already.
 */
@Component
class AuthorizationStatistics {

  static final String NAME = "act_ru_authorization_perms";
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  AuthorizationStatistics(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Once, after the engine created its tables; CREATE STATISTICS on expressions needs PostgreSQL 14. */
  @EventListener(ApplicationReadyEvent.class)
  void create() throws MetaDataAccessException {
    boolean postgres14 = JdbcUtils.extractDatabaseMetaData(dataSource, (DatabaseMetaData metaData) ->
        "PostgreSQL".equals(metaData.getDatabaseProductName()) && metaData.getDatabaseMajorVersion() >= 14);
    if (!postgres14 || jdbc.sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?").param(NAME)
        .query(Long.class).single() > 0) {
      return; // once created, autovacuum's ANALYZE keeps them current
    }
    try {
      jdbc.sql("CREATE STATISTICS " + NAME + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization").update();
      jdbc.sql("ANALYZE act_ru_authorization").update();
      LOG.info("Planner statistics on the authorization permission bits are in place");
    } catch (DataAccessException createdByAnotherNode) {
      // a second node starting at the same moment
      LOG.info("Planner statistics on the authorization permission bits not created here: {}",
          createdByAnotherNode.getMostSpecificCause().getMessage());
    }
  }
}
