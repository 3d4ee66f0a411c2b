package io.disputeflow.modeling;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Registers {@link DeploymentValidator} as a parse listener (and {@link WellFormedModels},
 * {@link CodeFreeResources} and {@link DeadlineModelCheck} before the engine's deployers): every new deployment, from Modeler, the
 * REST API or the application's own start, is checked before anything of it is stored.
 */
@Component
class DeploymentValidationPlugin extends AbstractProcessEnginePlugin {

  private final DeploymentValidator validator;

  DeploymentValidationPlugin(DeploymentValidator validator) {
    this.validator = validator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseRootElement(Element definitions, List<ProcessDefinitionEntity> processDefinitions) {
        validator.validate(definitions, processDefinitions);
      }
    });
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new WellFormedModels());
    configuration.getCustomPreDeployers().add(new CodeFreeResources());
    configuration.getCustomPreDeployers().add(new DeadlineModelCheck());
  }
}
