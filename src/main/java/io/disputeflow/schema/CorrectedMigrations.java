package io.disputeflow.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Released migrations whose text was corrected later, their statements unchanged (only comments): Flyway
 * compares the checksum it recorded for each applied migration with its file's, so a database migrated
 * with the released text would refuse to start. Before Flyway validates, this replaces the recorded
 * checksum of exactly these versions, and only where it is the released text's, with the corrected text's
 * (an INFO line says so, once). Any other difference still fails validation, as Flyway means it to.
 * Spring Boot hands every {@link Callback} bean to its Flyway.
 */
@Component
class CorrectedMigrations implements Callback {

  /** A migration version whose released text (checksum {@code released}) was corrected (checksum {@code corrected}). */
  record Correction(String version, int released, int corrected, String what) {}

  static final List<Correction> CORRECTIONS = List.of(
      new Correction("3", -888750735, 1007408672,
          "its first comment cites docs/regulatory-clock.md instead of a document the repository does not hold"),
      new Correction("40", 1234636502, -1985867673,
          "the comment on regulator_referral cites docs/insights.md instead of a document the repository does not hold"));

  private static final Logger LOG = LoggerFactory.getLogger(CorrectedMigrations.class);

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_VALIDATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      acceptCorrections(context.getConnection(), context.getConfiguration());
    } catch (SQLException e) {
      throw new FlywayException("Cannot accept the corrected texts of released migrations: " + e.getMessage(), e);
    }
  }

  @Override
  public String getCallbackName() {
    return "corrected released migrations";
  }

  private static void acceptCorrections(Connection connection, Configuration configuration) throws SQLException {
    String schema = schemaOf(connection, configuration);
    String table = configuration.getTable();
    if (!exists(connection, schema, table)) {
      return; // a new database: its history will record the corrected texts
    }
    String quote = connection.getMetaData().getIdentifierQuoteString().strip();
    String history = (schema == null ? "" : quote + schema + quote + ".") + quote + table + quote;
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + history + " SET " + quote + "checksum"
        + quote + " = ? WHERE " + quote + "version" + quote + " = ? AND " + quote + "checksum" + quote + " = ?")) {
      for (Correction correction : CORRECTIONS) {
        update.setInt(1, correction.corrected());
        update.setString(2, correction.version());
        update.setInt(3, correction.released());
        if (update.executeUpdate() > 0) {
          LOG.info("Migration V{} as applied here was released with checksum {}; its text has since been corrected"
              + " ({}), statements unchanged: its recorded checksum is now {}", correction.version(),
              correction.released(), correction.what(), correction.corrected());
        }
      }
    }
  }

  /** Where Flyway keeps its history: its default schema, else the first it manages, else the connection's. */
  private static String schemaOf(Connection connection, Configuration configuration) throws SQLException {
    if (configuration.getDefaultSchema() != null) {
      return configuration.getDefaultSchema();
    }
    String[] schemas = configuration.getSchemas();
    return schemas != null && schemas.length > 0 ? schemas[0] : connection.getSchema();
  }

  private static boolean exists(Connection connection, String schema, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema, table, null)) {
      return tables.next();
    }
  }
}
