package io.disputeflow.benchmark;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
/**
 * Bulk-loads closed complaints by copying one real closed case in SQL, many copies per statement:
 * its rows in our tables (with a new number, external reference and customer, and every time moved back
 * by 0–364 days so a year's report sees them spread) and, for the first {@code engineCopies}, its whole
 * engine history (every ACT_HI_* row and history byte array of its process instances, with every
 * instance id renumbered so the copy is a consistent case of its own). Driving a million cases
 * through the engine would take days on two cores; the copies have the same shape as a real one.
 */
final class BulkCopies {

  static final String NUMBER_PREFIX = "CMP-BULK-";

  /** Our tables that hold a case's rows, parents first. */
  private static final List<String> OUR_TABLES = List.of("complaint", "complaint_submission", "department_review",
      "letter", "clock_alert", "deadline_extension", "clock_pause");
  /** The closed case's anchored timeline: copied with the engine history it hashes. */
  private static final List<String> ANCHOR_TABLES = List.of("audit_anchor", "audit_anchor_entry");
  /** Engine tables with a ROOT_PROC_INST_ID_, the root process instance of the case. */
  private static final List<String> ENGINE_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG",
      "ACT_HI_INCIDENT", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_HI_DECINST", "ACT_HI_DEC_IN",
      "ACT_HI_DEC_OUT", "ACT_HI_EXT_TASK_LOG", "ACT_GE_BYTEARRAY");
  /** Id columns that name things shared by every case (definitions, users, groups), so they stay as they are. */
  private static final List<String> SHARED_IDS = List.of("PROC_DEF_ID_", "CASE_DEF_ID_", "DEC_DEF_ID_", "DEC_REQ_ID_",
      "JOB_DEF_ID_", "USER_ID_", "GROUP_ID_", "TENANT_ID_", "DEPLOYMENT_ID_", "ACT_ID_", "FAILED_ACT_ID_",
      "BATCH_ID_", "CLAUSE_ID_", "RULE_ID_", "ACTIVITY_ID_", "ORG_USER_ID_");

  private final Connection connection;
  private final boolean postgres;
  private String templateRoot;

  BulkCopies(Connection connection) throws SQLException {
    this.connection = connection;
    this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  static String number(int copy) {
    return NUMBER_PREFIX + String.format("%07d", copy);
  }

  /** The root process instance of a copy of the closed case. */
  String rootOf(int copy) {
    return templateRoot.substring(0, templateRoot.length() - 8) + "b" + String.format("%07d", copy);
  }

  /** Copies the closed case 1..{@code copies} times in our tables, the first {@code engineCopies} also in the engine's history. */
  long loadClosedCases(String template, int copies, int engineCopies, int batch) throws SQLException {
    try (PreparedStatement root = connection.prepareStatement(
        "SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND SUPER_PROCESS_INSTANCE_ID_ IS NULL")) {
      root.setString(1, template);
      try (ResultSet rows = root.executeQuery()) {
        rows.next();
        templateRoot = rows.getString(1);
      }
    }
    long rows = 0;
    connection.setAutoCommit(false);
    for (int from = 1; from <= copies; from += batch) {
      int to = Math.min(copies, from + batch - 1);
      for (String table : OUR_TABLES) {
        rows += copy(table, "complaint_number = ?", template, from, to, false);
      }
      if (from <= engineCopies) {
        for (String table : ANCHOR_TABLES) {
          rows += copy(table, "complaint_number = ?", template, from, Math.min(to, engineCopies), false);
        }
        for (String table : ENGINE_TABLES) {
          rows += copy(table, "ROOT_PROC_INST_ID_ = ?", templateRoot, from, Math.min(to, engineCopies), true);
        }
      }
      connection.commit();
    }
    connection.setAutoCommit(true);
    return rows;
  }

  private long copy(String table, String where, String key, int from, int to, boolean engine) throws SQLException {
    return copy(table, where, key, from, to, (upper, col, type) -> {
      if (!engine && upper.equals("ID")) {
        return null; // identity: the database numbers the copy
      }
      return engine ? engineValue(upper, col, type) : ourValue(upper, col, type);
    });
  }

  private interface Values {
    /** The copy's value of the column as SQL over t (the original) and s.x (the copy's number); null to leave out. */
    String of(String upper, String col, int type);
  }

  private long copy(String table, String where, String key, int from, int to, Values valueOf) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    String name = postgres ? table.toLowerCase(Locale.ROOT) : table.toUpperCase(Locale.ROOT);
    try (ResultSet column = meta.getColumns(null, null, name, null)) {
      while (column.next()) {
        String col = column.getString("COLUMN_NAME");
        String upper = col.toUpperCase(Locale.ROOT);
        String value = valueOf.of(upper, col, column.getInt("DATA_TYPE"));
        if (value != null) {
          columns.add(col);
          values.add(value);
        }
      }
    }
    if (columns.isEmpty()) {
      return 0;
    }
    String series = postgres ? "generate_series(?, ?) AS s(x)" : "SYSTEM_RANGE(?, ?) s";
    String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
        + " FROM " + table + " t, " + series + " WHERE t." + where;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setInt(1, from);
      insert.setInt(2, to);
      insert.setString(3, key);
      return insert.executeUpdate();
    }
  }

  /**
   * Copies an open, unclaimed task {@code copies} times with its candidate-group links and its per-task
   * authorizations, the copies sharing the original's executions and variables: what a Tasklist filter
   * reads, at the size of many open complaints, without starting each case. Due dates spread over 30 days.
   */
  long padOpenTasks(String taskId, int copies, int batch) throws SQLException {
    long rows = 0;
    connection.setAutoCommit(false);
    for (int from = 1; from <= copies; from += batch) {
      int to = Math.min(copies, from + batch - 1);
      rows += copy("ACT_RU_TASK", "ID_ = ?", taskId, from, to, (upper, col, type) -> switch (upper) {
        case "ID_" -> engineId(col);
        case "DUE_DATE_" -> "t." + col + " + MOD(s.x, 30) * INTERVAL '1' DAY";
        default -> "t." + col;
      });
      rows += copy("ACT_RU_IDENTITYLINK", "TASK_ID_ = ?", taskId, from, to, (upper, col, type) ->
          upper.equals("ID_") || upper.equals("TASK_ID_") ? engineId(col) : "t." + col);
      rows += copy("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ = ?", taskId, from, to, (upper, col, type) ->
          upper.equals("ID_") || upper.equals("RESOURCE_ID_") ? engineId(col) : "t." + col);
      connection.commit();
    }
    connection.setAutoCommit(true);
    return rows;
  }

  private String copyNumber() {
    return "CONCAT('" + NUMBER_PREFIX + "', LPAD(CAST(s.x AS VARCHAR(10)), 7, '0'))";
  }

  private static String suffixed(String col) {
    return "CASE WHEN t." + col + " IS NULL THEN NULL ELSE CONCAT(t." + col + ", '-', CAST(s.x AS VARCHAR(10))) END";
  }

  /**
   * The engine's ids are time-based UUIDs (some behind an activity id) that end in the node's 12 hex
   * digits, the same in every id: its last 8 become "b" and the copy's number, so the id keeps its
   * length (the columns hold 64) and differs from the original and every other copy.
   */
  private static String engineId(String col) {
    String c = "t." + col;
    return "CASE WHEN " + c + " IS NULL THEN NULL"
        + " WHEN LENGTH(" + c + ") < 36 THEN CONCAT(" + c + ", '-', CAST(s.x AS VARCHAR(10)))"
        + " ELSE CONCAT(SUBSTRING(" + c + ", 1, LENGTH(" + c + ") - 8), 'b', LPAD(CAST(s.x AS VARCHAR(10)), 7, '0')) END";
  }

  private String engineValue(String upper, String col, int type) {
    if (upper.equals("BUSINESS_KEY_")) {
      return "CASE WHEN t." + col + " IS NULL THEN NULL ELSE " + copyNumber() + " END";
    }
    boolean text = type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR;
    boolean instanceId = upper.equals("ID_") || upper.endsWith("_ID_") && !SHARED_IDS.contains(upper);
    return text && instanceId ? engineId(col) : "t." + col;
  }

  private String ourValue(String upper, String col, int type) {
    return switch (upper) {
      case "COMPLAINT_NUMBER" -> copyNumber();
      case "EXTERNAL_REFERENCE", "CUSTOMER_ID" -> suffixed(col);
      default -> type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE
          // spread over the last year: the copy happened MOD(x, 365) days before the original
          ? "t." + col + " - MOD(s.x, 365) * INTERVAL '1' DAY"
          : "t." + col;
    };
  }
}
