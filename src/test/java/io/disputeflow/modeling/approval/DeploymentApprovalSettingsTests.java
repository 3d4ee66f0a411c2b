package io.disputeflow.modeling.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeploymentApprovalSettingsTests {

  @Test
  void shouldRequireApprovalUnlessSingleStepIsAskedForByName() {
    assertThat(new DeploymentApprovalSettings("required", true).required()).isTrue();
    assertThat(new DeploymentApprovalSettings("required", false).required()).isTrue();
    assertThat(new DeploymentApprovalSettings("single-step", true).required()).isFalse();
    assertThatThrownBy(() -> new DeploymentApprovalSettings("off", true))
        .hasMessageContaining("disputeflow.modeling.deployment-approval is 'off'")
        .hasMessageContaining("'required'").hasMessageContaining("'single-step'");
  }

  @Test
  void shouldRefuseSingleStepOutsideDemoMode() {
    assertThatThrownBy(() -> new DeploymentApprovalSettings("single-step", false))
        .hasMessageContaining("single-step is for demo mode only (disputeflow.demo.enabled=true)");
  }

  @Test
  void shouldSayAtStartWhetherASecondPersonApproves() {
    assertThat(announced(new DeploymentApprovalSettings("single-step", true))).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).startsWith("Deployment approval OFF").contains("demo mode")
          .contains("without a second person");
    });
    assertThat(announced(new DeploymentApprovalSettings("required", true))).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getFormattedMessage()).startsWith("Deployment approval required");
    });
  }

  private static List<ILoggingEvent> announced(DeploymentApprovalSettings settings) {
    Logger logger = (Logger) LoggerFactory.getLogger(DeploymentApprovalSettings.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      settings.announce();
    } finally {
      logger.detachAppender(events);
    }
    return events.list;
  }
}
