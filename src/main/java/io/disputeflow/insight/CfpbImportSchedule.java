package io.disputeflow.insight;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Has this node look for imports to run when it is ready (an import a crash or a stop left behind) and
 * every disputeflow.imports.poll-every (PT15S: an import another node left when it died, once its lease
 * ran out). A posted file wakes the runner of the node that took it at once.
 * disputeflow.imports.enabled=false keeps a node out of running imports (it still takes files).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "disputeflow.imports.enabled", havingValue = "true", matchIfMissing = true)
class CfpbImportSchedule {

  private final CfpbImportRunner runner;

  CfpbImportSchedule(CfpbImportRunner runner) {
    this.runner = runner;
  }

  @EventListener(ApplicationReadyEvent.class)
  void continueLeftImports() {
    runner.wake();
  }

  @Scheduled(initialDelayString = "${disputeflow.imports.poll-every:PT15S}",
      fixedDelayString = "${disputeflow.imports.poll-every:PT15S}")
  void poll() {
    runner.wake();
  }
}
