package io.disputeflow.modeling;

import java.lang.reflect.Method;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;

/**
 * The engine's expression manager: JUEL with {@link ModelElResolver} as its only resolver, no
 * functions ({@code ${now()}}, {@code ${currentUser()}} and any static method a function mapper
 * would expose do not parse) and no JUEL in decisions (they are FEEL, which calls no Java).
 */
public class ModelExpressionManager extends JuelExpressionManager {

  private final Function<String, Object> beans;

  /** @param beans the bean of a name, or null; only helpers and delegates are ever handed out */
  public ModelExpressionManager(Function<String, Object> beans) {
    this.beans = beans;
  }

  @Override
  protected ELResolver createElResolver() {
    return new ModelElResolver(beans);
  }

  @Override
  protected FunctionMapper createFunctionMapper() {
    return new FunctionMapper() {
      @Override
      public Method resolveFunction(String prefix, String localName) {
        return null;
      }
    };
  }

  /** The engine registers its date and user functions here; models get none of them. */
  @Override
  public void addFunction(String name, Method function) {
    // deliberately ignored
  }

  @Override
  protected ElProvider createElProvider() {
    return expression -> {
      throw new ProcessEngineException("Expression refused: decisions are written in FEEL; JUEL (" + expression
          + ") is not evaluated");
    };
  }
}
