package io.disputeflow.support;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
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

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      TestDatabase database = TestDatabase.postgres();
      TestPropertyValues.of("spring.datasource.url=" + database.url(),
          "spring.datasource.username=" + database.username(),
          "spring.datasource.password=" + database.password()).applyTo(context);
    }
  }
}
