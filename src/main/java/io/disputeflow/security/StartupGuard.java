package io.disputeflow.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a configuration with known passwords where real data lives, before anything is
 * created: demo mode (every demo user's password is "demo") with the {@code postgres} profile unless
 * {@code disputeflow.demo.allow-with-postgres=true}; and outside demo mode a Camunda administrator
 * ({@code camunda.bpm.admin-user}) whose password is a default (blank, "demo", "admin", its own id, or
 * shorter than 12 characters). Registered in META-INF/spring.factories.
 */
class StartupGuard implements EnvironmentPostProcessor {

  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = environment.getProperty("disputeflow.demo.enabled", Boolean.class, false);
    boolean postgres = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
    if (demo && postgres && !environment.getProperty("disputeflow.demo.allow-with-postgres", Boolean.class, false)) {
      throw new IllegalStateException("Demo mode creates users whose password is 'demo' and refuses to start with the"
          + " postgres profile: set disputeflow.demo.enabled=false, or disputeflow.demo.allow-with-postgres=true for a"
          + " throwaway database");
    }
    String adminId = environment.getProperty("camunda.bpm.admin-user.id");
    if (!demo && adminId != null) {
      String password = environment.getProperty("camunda.bpm.admin-user.password", "");
      if (password.length() < MIN_ADMIN_PASSWORD_LENGTH || password.equalsIgnoreCase(adminId)
          || password.equalsIgnoreCase("demo") || password.equalsIgnoreCase("admin")) {
        throw new IllegalStateException("camunda.bpm.admin-user.password must not be a default: give the administrator "
            + adminId + " a password of at least " + MIN_ADMIN_PASSWORD_LENGTH
            + " characters from the environment (CAMUNDA_BPM_ADMINUSER_PASSWORD)");
      }
    }
  }
}
