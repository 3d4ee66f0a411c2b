package io.disputeflow.modeling;

import io.disputeflow.engine.SandboxedExpressionManager;
import java.util.function.Function;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The engine's expression manager with {@link ModelElResolver} as its only resolver: expressions reach
 * only what {@link ExpressionAllowList} allows.
 */
public class ModelExpressionManager extends SandboxedExpressionManager {

  private final Function<String, Object> beans;

  /** @param beans the bean of a name, or null; only helpers and delegates are ever handed out */
  public ModelExpressionManager(Function<String, Object> beans) {
    this.beans = beans;
  }

  @Override
  protected ELResolver createElResolver() {
    return new ModelElResolver(beans, variableScopeResolver(), variableContextResolver());
  }
}
