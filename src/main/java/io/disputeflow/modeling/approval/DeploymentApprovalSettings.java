package io.disputeflow.modeling.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code disputeflow.modeling.deployment-approval}: {@code required} (the default, in every profile)
 * holds a process owner's deployment until a second person approves it; {@code single-step} lets it
 * take effect at once, for a demo that asks for it explicitly (refused outside demo mode). Says which
 * at every start.
 */
@Component
class DeploymentApprovalSettings {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentApprovalSettings.class);

  private final boolean required;

  DeploymentApprovalSettings(@Value("${disputeflow.modeling.deployment-approval:required}") String mode,
      @Value("${disputeflow.demo.enabled:false}") boolean demo) {
    this.required = switch (mode.trim()) {
      case "required" -> true;
      case "single-step" -> false;
      default -> throw new IllegalStateException("disputeflow.modeling.deployment-approval is '" + mode
          + "'; it must be 'required' (a second person approves a process owner's deployment) or 'single-step'");
    };
    // one person alone must never put a model into production: single-step is for a demo's throwaway data
    if (!required && !demo) {
      throw new IllegalStateException("disputeflow.modeling.deployment-approval=single-step is for demo mode only"
          + " (disputeflow.demo.enabled=true); outside it a process owner's deployment needs a second person's"
          + " approval: set it to 'required'");
    }
  }

  boolean required() {
    return required;
  }

  @EventListener(ApplicationStartedEvent.class)
  void announce() {
    if (required) {
      LOG.info("Deployment approval required: a process owner's deployment waits in Tasklist until a second"
          + " process owner or the head of consumer protection approves it");
    } else {
      LOG.warn("Deployment approval OFF (disputeflow.modeling.deployment-approval=single-step, demo mode): a process"
          + " owner's deployment takes effect at once, without a second person; never use this in production");
    }
  }
}
