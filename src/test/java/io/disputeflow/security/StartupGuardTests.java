package io.disputeflow.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** No known password where real data lives (the guard runs before the application context). */
class StartupGuardTests {

  @Test
  void shouldRefuseDemoModeWithThePostgresProfileUnlessAllowed() {
    MockEnvironment environment = new MockEnvironment().withProperty("disputeflow.demo.enabled", "true");
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> guard(environment)).hasMessageContaining("refuses to start with the postgres profile");
    assertThatCode(() -> guard(environment.withProperty("disputeflow.demo.allow-with-postgres", "true")))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard(new MockEnvironment().withProperty("disputeflow.demo.enabled", "true")))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseADefaultAdministratorPasswordOutsideDemoMode() {
    for (String password : new String[] {"", "demo", "admin", "operator-one", "short-pw"}) {
      MockEnvironment environment = new MockEnvironment().withProperty("disputeflow.demo.enabled", "false")
          .withProperty("camunda.bpm.admin-user.id", "operator-one").withProperty("camunda.bpm.admin-user.password", password);
      assertThatThrownBy(() -> guard(environment)).as(password).hasMessageContaining("must not be a default");
    }
    assertThatCode(() -> guard(new MockEnvironment().withProperty("disputeflow.demo.enabled", "false")
        .withProperty("camunda.bpm.admin-user.id", "operator-one")
        .withProperty("camunda.bpm.admin-user.password", "k7#Qv9!pLw2z"))).doesNotThrowAnyException();
  }

  private static void guard(MockEnvironment environment) {
    new StartupGuard().postProcessEnvironment(environment, new SpringApplication());
  }
}
