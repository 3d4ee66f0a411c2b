package io.disputeflow.insight;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Checks intake for spikes every disputeflow.early-warning.check-every (PT5M). Every node may (raising is
 * idempotent); disputeflow.early-warning.enabled=false turns it off on a node (tests check by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "disputeflow.early-warning.enabled", havingValue = "true", matchIfMissing = true)
class EarlyWarningSchedule {

  private final EarlyWarnings earlyWarnings;

  EarlyWarningSchedule(EarlyWarnings earlyWarnings) {
    this.earlyWarnings = earlyWarnings;
  }

  @Scheduled(initialDelayString = "${disputeflow.early-warning.check-every:PT5M}",
      fixedDelayString = "${disputeflow.early-warning.check-every:PT5M}")
  void check() {
    earlyWarnings.check();
  }
}
