package io.disputeflow.modeling.approval;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import org.springframework.stereotype.Component;

/** Registers {@link DeploymentGate} ahead of every other check of a new deployment. */
@Component
class DeploymentApprovalPlugin implements EngineSetup {

  private final DeploymentApprovalSettings settings;

  DeploymentApprovalPlugin(DeploymentApprovalSettings settings) {
    this.settings = settings;
  }

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.checkEveryNewDeploymentFirst(new DeploymentGate(settings::required));
  }
}
