package io.disputeflow.engine;

import java.lang.reflect.Method;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;

/**
 * The engine's expression manager: JUEL with the subclass's resolver as its only resolver
 * ({@link #createElResolver()}, which may build on {@link #variableScopeResolver()} and
 * {@link #variableContextResolver()}), no functions but the engine's four query functions (any other
 * static method a function mapper would expose is refused) and no JUEL in decisions (they are FEEL,
 * which calls no Java).
 */
public abstract class SandboxedExpressionManager extends JuelExpressionManager {

  /** The only resolver of every expression: it decides what a name, a property and a method call may reach. */
  @Override
  protected abstract ELResolver createElResolver();

  /** The engine's resolver of variables ({@code execution}, {@code task} and their variables). */
  protected static ELResolver variableScopeResolver() {
    return new VariableScopeElResolver();
  }

  /** The engine's resolver of a variable context (decisions' inputs). */
  protected static ELResolver variableContextResolver() {
    return new VariableContextElResolver();
  }

  /**
   * Camunda's query functions, which Tasklist filters (stored queries, created by camunda-admin
   * only) evaluate through this same manager: the user, their groups, the time. They call nothing
   * but the engine's own code; models may not use them (refused at deployment), and their results allow
   * only date arithmetic (the resolver's rule).
   */
  public static final java.util.Set<String> QUERY_FUNCTIONS = java.util.Set.of("currentUser", "currentUserGroups", "now",
      "dateTime");

  /**
   * A query function, or {@link #refuse} for any other: a model with one still parses, so the
   * deployment check can name it (an unknown function would fail the engine's parse with a general
   * error), and it never calls anything when it runs.
   */
  @Override
  protected FunctionMapper createFunctionMapper() {
    return new FunctionMapper() {
      @Override
      public Method resolveFunction(String prefix, String localName) {
        Method query = prefix == null || prefix.isBlank() ? functions.get(localName) : null;
        return query != null ? query : REFUSE;
      }
    };
  }

  private static final Method REFUSE;

  static {
    try {
      REFUSE = SandboxedExpressionManager.class.getDeclaredMethod("refuse", Object[].class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** What a function in a model's expression runs: nothing. */
  public static Object refuse(Object... arguments) {
    throw new ExpressionRefusedException("Expression refused: models call no functions or static methods");
  }

  /** The engine registers its functions here; only its own query functions are kept. */
  @Override
  public void addFunction(String name, Method function) {
    if (QUERY_FUNCTIONS.contains(name) && function.getDeclaringClass().getName().startsWith("org.camunda.bpm.engine.")) {
      super.addFunction(name, function);
    }
  }

  @Override
  protected ElProvider createElProvider() {
    return expression -> {
      throw new ProcessEngineException("Expression refused: decisions are written in FEEL; JUEL (" + expression
          + ") is not evaluated");
    };
  }
}
