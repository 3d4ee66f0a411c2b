package io.disputeflow.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup} (group {@code camunda-admin}) on the H2 file database: an online,
 * consistent copy ({@code BACKUP TO}) into {@code disputeflow.backup.folder} while the node keeps
 * working. H2 allows one process on its file, so nothing outside the node can take this copy.
 * PostgreSQL is backed up with its own tools (docs/operations/backup.md); there this endpoint does not exist.
 */
@Component
@Endpoint(id = "backup")
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class H2BackupEndpoint {

  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final JdbcTemplate jdbc;
  private final Path folder;
  private final Clock clock;

  H2BackupEndpoint(JdbcTemplate jdbc, @Value("${disputeflow.backup.folder:./backup}") Path folder, Clock clock) {
    this.jdbc = jdbc;
    this.folder = folder.toAbsolutePath().normalize();
    this.clock = clock;
  }

  /** The copy just taken: where it is, how big, and how long the database was being read. */
  record Backup(String file, long bytes, long millis, Instant takenAt) {}

  @WriteOperation
  Backup backup() {
    Instant takenAt = clock.instant();
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve("disputeflow-" + NAME.format(takenAt) + ".zip");
      for (int n = 2; Files.exists(file); n++) {
        file = folder.resolve("disputeflow-" + NAME.format(takenAt) + "-" + n + ".zip");
      }
      long started = System.nanoTime();
      // the path comes from our configuration, not from the request; quotes are doubled all the same
      jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
      return new Backup(file.toString(), Files.size(file), (System.nanoTime() - started) / 1_000_000, takenAt);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the backup into " + folder, e);
    }
  }
}
