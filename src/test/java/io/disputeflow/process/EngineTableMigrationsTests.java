package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.support.DatabaseTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Our migrations of the engine's tables run after the engine created them, once, on H2 and on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DatabaseTest
class EngineTableMigrationsTests {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcClient jdbc;

  @Test
  void tasklistGroupIndexesExistOnTheEngineTables() throws Exception {
    assertThat(indexes("ACT_RU_TASK")).contains("DF_IDX_TASK_DUE_PRIORITY");
    assertThat(indexes("ACT_RU_IDENTITYLINK")).contains("DF_IDX_IDENT_LNK_GROUP_TASK");
    assertThat(jdbc.sql("SELECT \"success\" FROM \"" + EngineTableMigrations.HISTORY_TABLE + "\" WHERE \"version\" = '150'")
        .query(Boolean.class).list()).containsExactly(true);
  }

  @Test
  void aCasesMessageSubscriptionsAreFoundByItsProcessInstances() throws Exception {
    assertThat(indexes("ACT_RU_EVENT_SUBSCR")).contains("DF_IDX_EVENT_SUBSCR_PROC_INST");
  }

  @Test
  void aSecondStartAppliesNothingAgain() {
    int before = jdbc.sql("SELECT COUNT(*) FROM \"" + EngineTableMigrations.HISTORY_TABLE + "\"").query(Integer.class).single();

    new EngineTableMigrations(processEngine, dataSource);

    assertThat(jdbc.sql("SELECT COUNT(*) FROM \"" + EngineTableMigrations.HISTORY_TABLE + "\"").query(Integer.class).single())
        .isEqualTo(before);
  }

  private List<String> indexes(String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
      try (ResultSet rows = meta.getIndexInfo(null, null, name, false, false)) {
        while (rows.next()) {
          if (rows.getString("INDEX_NAME") != null) {
            names.add(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }
}
