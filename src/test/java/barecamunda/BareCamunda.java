package barecamunda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;

/**
 * Camunda 7's Spring Boot starters (webapp and REST) as a new project has them, and nothing of
 * DisputeFlow: what the webapps answer when nobody changed anything. The yardstick of
 * {@code BareCamundaHeadersTests}; started as a process of its own by {@link BareCamundaProcess}.
 * Spring Security is on DisputeFlow's classpath but not in a bare Camunda project, so its
 * auto-configuration is left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
    FlywayAutoConfiguration.class})
public class BareCamunda {

  public static void main(String[] args) {
    SpringApplication.run(BareCamunda.class, args);
  }
}
