package io.disputeflow.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The one process engine plugin of the application's features: runs each {@link EngineSetup} bean. */
@Component
class EngineSetupPlugin extends AbstractProcessEnginePlugin {

  private final List<EngineSetup> setups;

  EngineSetupPlugin(List<EngineSetup> setups) {
    this.setups = setups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSettings settings = new EngineSettings(configuration);
    setups.forEach(setup -> setup.beforeInit(settings));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineSettings settings = new EngineSettings(configuration);
    setups.forEach(setup -> setup.afterInit(settings));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    setups.forEach(setup -> setup.afterBuild(processEngine));
  }
}
