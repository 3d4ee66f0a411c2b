package io.disputeflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputeflow.support.ApiTest;
import io.disputeflow.support.DatabaseTest;
import io.disputeflow.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An installation migrated with the migrations as released starts with the corrected texts, and Flyway still
 * refuses any other difference from an applied migration. Each test migrates a fresh database of its own with
 * the application's Flyway configuration (the Spring bean's, callbacks included), on H2 and on PostgreSQL.
 * A database migrated with the released texts differs from one migrated today only in the checksums its
 * history records for the corrected versions (their statements are the same), so the first test sets those
 * to the released texts' checksums (computed by Flyway from V3 and V40 as of commit 1bedbb6) instead of
 * keeping a copy of the old texts.
 */
@ApiTest
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class CorrectedMigrationsTests {

  @Autowired Flyway applicationFlyway;

  @Test
  void shouldStartADatabaseMigratedWithTheReleasedTextsWithTheCorrectedOnes(CapturedOutput output) throws Exception {
    // given a database migrated with the migrations as released
    TestDatabase database = freshDatabase();
    flyway(database).load().migrate();
    for (CorrectedMigrations.Correction correction : CorrectedMigrations.CORRECTIONS) {
      assertThat(checksums(database)).as("today's text of V" + correction.version())
          .containsEntry(correction.version(), correction.corrected());
      setChecksum(database, correction.version(), correction.released());
    }

    // when the application migrates it with the corrected texts
    MigrateResult result = flyway(database).load().migrate();

    // then it validates and runs nothing; the history records the corrected texts, and says so once in the log
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isZero();
    for (CorrectedMigrations.Correction correction : CorrectedMigrations.CORRECTIONS) {
      assertThat(checksums(database)).containsEntry(correction.version(), correction.corrected());
      assertThat(output.getOut()).containsOnlyOnce("Migration V" + correction.version() + " as applied here was"
          + " released with checksum " + correction.released());
    }
    assertThat(flyway(database).load().validateWithResult().validationSuccessful).isTrue();
  }

  @Test
  void shouldStillRefuseAnyOtherDifferenceFromAnAppliedMigration() throws Exception {
    // given a database migrated with the application's migrations
    TestDatabase database = freshDatabase();
    flyway(database).load().migrate();
    int first = checksums(database).get("1");

    // when an applied migration that was never corrected differs, then the start fails
    setChecksum(database, "1", 4711);
    assertThatThrownBy(() -> flyway(database).load().migrate()).isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("checksum mismatch for migration version 1");

    // and so does a corrected one whose recorded checksum is neither its released text's nor its corrected one's
    setChecksum(database, "1", first);
    setChecksum(database, "3", 4711);
    assertThatThrownBy(() -> flyway(database).load().migrate()).isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("checksum mismatch for migration version 3");
  }

  /** The application's Flyway configuration (locations, callbacks) on another database. */
  private org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDatabase database) {
    return Flyway.configure().configuration(applicationFlyway.getConfiguration())
        .dataSource(database.url(), database.username(), database.password());
  }

  private static TestDatabase freshDatabase() {
    return TestDatabase.postgresSelected() ? TestDatabase.postgres()
        : new TestDatabase("jdbc:h2:mem:corrected-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static Map<String, Integer> checksums(TestDatabase database) throws SQLException {
    Map<String, Integer> checksums = new HashMap<>();
    try (Connection connection = connect(database);
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
      while (rows.next()) {
        checksums.put(rows.getString(1), rows.getInt(2));
      }
    }
    return checksums;
  }

  private static void setChecksum(TestDatabase database, String version, int checksum) throws SQLException {
    try (Connection connection = connect(database); PreparedStatement update = connection.prepareStatement(
        "UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ?")) {
      update.setInt(1, checksum);
      update.setString(2, version);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static Connection connect(TestDatabase database) throws SQLException {
    return DriverManager.getConnection(database.url(), database.username(), database.password());
  }
}
