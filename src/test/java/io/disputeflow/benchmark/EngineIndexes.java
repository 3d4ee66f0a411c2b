package io.disputeflow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes our migrations add to the engine's tables (db/engine-migration), dropped and built again by the
 * benchmark so the Tasklist figures are measured without and with them in the same run.
 */
record EngineIndexes(List<String> statements, List<String> names) {

  private static final String MIGRATION = "/db/engine-migration/V150__tasklist_group_indexes.sql";
  private static final Pattern INDEX = Pattern.compile("CREATE INDEX IF NOT EXISTS (\\w+) ON (\\w+)");

  static EngineIndexes read() throws IOException {
    String sql;
    try (InputStream in = EngineIndexes.class.getResourceAsStream(MIGRATION)) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
    }
    List<String> statements = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String statement : sql.split(";")) {
      Matcher index = INDEX.matcher(statement);
      if (index.find()) {
        statements.add(statement.trim());
        names.add(index.group(1));
      }
    }
    return new EngineIndexes(statements, names);
  }

  void drop(Connection jdbc) throws SQLException {
    try (Statement ddl = jdbc.createStatement()) {
      for (String name : names) {
        ddl.execute("DROP INDEX IF EXISTS " + name);
      }
    }
    DisputeFlowBenchmark.log("dropped " + names);
  }

  void create(Connection jdbc, String database) throws SQLException {
    long start = System.nanoTime();
    try (Statement ddl = jdbc.createStatement()) {
      for (String statement : statements) {
        ddl.execute(statement);
      }
      if (database.equals("postgres")) {
        ddl.execute("ANALYZE");
      }
    }
    DisputeFlowBenchmark.log("created " + names + " in " + Math.round((System.nanoTime() - start) / 1e6) + " ms");
  }
}
