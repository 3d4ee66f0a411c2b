package io.disputeflow.modeling;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a model may do when it runs, whoever deployed it and however it reached the database: its
 * expressions resolve only what {@link ExpressionAllowList} allows ({@link ModelExpressionManager},
 * replacing the Spring expression manager that exposes every bean), and no script runs.
 */
@Component
class ModelSandboxPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  ModelSandboxPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new ModelExpressionManager(
        name -> context.containsBean(name) ? context.getBean(name) : null));
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);
  }
}
