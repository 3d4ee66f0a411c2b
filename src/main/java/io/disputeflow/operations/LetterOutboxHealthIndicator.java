package io.disputeflow.operations;

import java.time.Clock;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code letterOutbox} (details for {@code monitoring} and
 * {@code camunda-admin}): letters waiting (QUEUED), being sent (SENDING), failed for good (FAILED), and
 * how long the oldest waiting letter has waited. UP whatever the figures: a mail outage delays letters,
 * it must not take the nodes out of service; alert on {@code disputeflow_letters_oldest_waiting_age_seconds}.
 */
@Component("letterOutbox")
class LetterOutboxHealthIndicator extends AbstractHealthIndicator {

  private final OperationsReadings readings;
  private final Clock clock;

  LetterOutboxHealthIndicator(OperationsReadings readings, Clock clock) {
    this.readings = readings;
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    readings.current().ifPresentOrElse(figures -> {
      builder.up().withDetail("queued", figures.letters("QUEUED")).withDetail("sending", figures.letters("SENDING"))
          .withDetail("failed", figures.letters("FAILED"))
          .withDetail("oldestWaiting", figures.oldestLetterAge(clock.instant()).toString());
      if (figures.oldestWaitingLetter() != null) {
        builder.withDetail("oldestWaitingSince", figures.oldestWaitingLetter().toString());
      }
      builder.withDetail("figuresReadAt", figures.readAt().toString());
    }, () -> builder.unknown().withDetail("outbox", "cannot be read now"));
  }
}
