package io.disputeflow.modeling;

import io.disputeflow.engine.EngineSettings;
import io.disputeflow.engine.EngineSetup;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a model may do when it runs, whoever deployed it and however it reached the database: its
 * expressions resolve only what {@link ExpressionAllowList} allows ({@link ModelExpressionManager},
 * replacing the Spring expression manager that exposes every bean), and no script runs.
 */
@Component
class ModelSandboxPlugin implements EngineSetup {

  private final ApplicationContext context;

  ModelSandboxPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void beforeInit(EngineSettings engine) {
    engine.expressionManager(new ModelExpressionManager(
        name -> context.containsBean(name) ? context.getBean(name) : null));
    engine.refuseScripts();
  }
}
