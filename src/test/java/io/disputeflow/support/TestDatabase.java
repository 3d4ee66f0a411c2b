package io.disputeflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test runs on: H2 by default; with {@code -Ddisputeflow.test.database=postgres} (set by
 * the build's {@link OnPostgreSqlSuite} while it runs) a fresh, empty database on one embedded PostgreSQL
 * per test JVM.
 */
public record TestDatabase(String url, String username, String password) {

  /** The system property that selects the database, and its value for PostgreSQL. */
  static final String SELECTION = "disputeflow.test.database";
  static final String POSTGRES = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  public static boolean postgresSelected() {
    return POSTGRES.equals(System.getProperty(SELECTION));
  }

  /** A database that keeps its data across application restarts of one test. */
  public static TestDatabase persistent(Path directory) {
    return postgresSelected() ? postgres()
        : new TestDatabase("jdbc:h2:file:" + directory.resolve("disputeflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
  }

  /** A new, empty database on the embedded PostgreSQL, which starts with the first one asked for. */
  public static synchronized TestDatabase postgres() {
    String name = "disputeflow_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name, e);
    }
    return new TestDatabase(server.getJdbcUrl("postgres", name).replaceFirst("\\?.*", ""), "postgres", "postgres");
  }

  /** As Spring Boot command-line arguments. */
  public List<String> arguments() {
    return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
        "--spring.datasource.password=" + password);
  }

  /** {@link #arguments()} for a node as production runs it: with the profile postgres on PostgreSQL. */
  public List<String> nodeArguments() {
    List<String> arguments = new ArrayList<>(arguments());
    if (url.startsWith("jdbc:postgresql:")) {
      arguments.add("--spring.profiles.active=postgres");
    }
    return arguments;
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        // two cluster nodes, a crashing node and the cached test contexts each hold a connection pool
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
            .setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterTheLastClient, "embedded-postgres-stop"));
    }
    return server;
  }

  /**
   * The cached Spring test contexts close in shutdown hooks of their own and still use the database
   * while they do: stopping the server first would leave each waiting for a connection.
   */
  private static void stopAfterTheLastClient() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection connection = server.getPostgresDatabase().getConnection();
        PreparedStatement clients = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
            + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet count = clients.executeQuery()) {
          if (count.next() && count.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(100);
      }
    } catch (SQLException | InterruptedException e) {
      // stop the server all the same
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
