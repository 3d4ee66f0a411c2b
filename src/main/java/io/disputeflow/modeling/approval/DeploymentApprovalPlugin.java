package io.disputeflow.modeling.approval;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers {@link DeploymentGate} before the engine's deployers. */
@Component
class DeploymentApprovalPlugin extends AbstractProcessEnginePlugin {

  private final DeploymentApprovalSettings settings;

  DeploymentApprovalPlugin(DeploymentApprovalSettings settings) {
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(0, new DeploymentGate(settings::required));
  }
}
