package io.disputeflow.modeling;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import org.springframework.stereotype.Component;

/**
 * Registers {@link DeploymentValidator} on every BPMN model the engine parses (and {@link WellFormedModels},
 * {@link CodeFreeResources} and {@link DeadlineModelCheck} before the engine's deployers): every new deployment,
 * from Modeler, the REST API or the application's own start, is checked before anything of it is stored.
 */
@Component
class DeploymentValidationPlugin implements EngineSetup {

  private final DeploymentValidator validator;

  DeploymentValidationPlugin(DeploymentValidator validator) {
    this.validator = validator;
  }

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.checkEveryBpmnModel(validator::validate);
    engine.checkEveryNewDeployment(new WellFormedModels());
    engine.checkEveryNewDeployment(new CodeFreeResources());
    engine.checkEveryNewDeployment(new DeadlineModelCheck());
  }
}
