package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.disputeflow.support.ApiTest;
import io.disputeflow.support.DatabaseTest;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/** On PostgreSQL the task queries' authorization check is planned by the index, with statistics on the permission bits. */
// the application tests' shared context (MockMvc unused): no application start of its own
@ApiTest
@DatabaseTest
class AuthorizationStatisticsTests {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldGiveThePlannerStatisticsOnThePermissionBits() throws Exception {
    assumeTrue(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
        .equals("PostgreSQL"), "PostgreSQL only (OnPostgreSqlSuite)");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?")
        .param(AuthorizationStatistics.NAME).query(Long.class).single()).isOne();
    // analysed: the planner knows how many READ authorizations there are instead of guessing two
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_stats_ext_exprs WHERE statistics_name = ?")
        .param(AuthorizationStatistics.NAME).query(Long.class).single()).isEqualTo(2L);
    // and every connection plans with the statement's values, looking authorizations up by the index
    assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    assertThat(jdbc.sql("SHOW enable_material").query(String.class).single()).isEqualTo("off");
  }
}
