package io.disputeflow.correspondence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Every node looks for due letters every {@code disputeflow.mail.poll-interval}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "disputeflow.mail.polling", havingValue = "true", matchIfMissing = true)
class LetterDispatchSchedule implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(LetterDispatchSchedule.class);

  private final LetterDispatcher dispatcher;
  private final LetterDeliveryProperties properties;

  LetterDispatchSchedule(LetterDispatcher dispatcher, LetterDeliveryProperties properties) {
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::dispatch, properties.pollInterval());
  }

  @EventListener(ApplicationReadyEvent.class)
  void reportMailServer() {
    if (!dispatcher.isEnabled()) {
      LOG.warn("No mail server configured (spring.mail.host): letters are queued (status QUEUED) but not sent"
          + " until one is configured and the application restarted");
    }
  }

  private void dispatch() {
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: the letters stay in the outbox for the next round
      LOG.error("Letter dispatch failed; trying again in {}", properties.pollInterval(), e);
    }
  }
}
