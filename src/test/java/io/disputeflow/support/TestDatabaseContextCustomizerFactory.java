package io.disputeflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts every Spring test context on its own PostgreSQL database when the build selects PostgreSQL
 * (see {@link TestDatabase}), so the same test classes run unchanged on H2 and on PostgreSQL.
 * Registered in META-INF/spring.factories.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return TestDatabase.postgresSelected() ? new OnPostgres() : null;
  }

  /** Equal to every other, so contexts that would share a cache entry on H2 share one on PostgreSQL too. */
  private record OnPostgres() implements ContextCustomizer {

    private static final String INIT_SQL = "spring.datasource.hikari.connection-init-sql";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      TestDatabase database = TestDatabase.postgres();
      TestPropertyValues.of("spring.datasource.url=" + database.url(),
          "spring.datasource.username=" + database.username(),
          "spring.datasource.password=" + database.password(),
          INIT_SQL + "=" + productionInitSql()).applyTo(context);
    }

    /** The postgres profile's per-connection planner settings, so the tests plan as production does. */
    private static String productionInitSql() {
      try {
        return new YamlPropertySourceLoader().load("postgres", new ClassPathResource("application-postgres.yaml"))
            .get(0).getProperty(INIT_SQL).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
