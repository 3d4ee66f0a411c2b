package io.disputeflow.process;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL expressions parsed once, not on every evaluation. Camunda's ScalaFeelEngine
 * parses each input entry and output expression whenever a decision runs: the classification table
 * alone has some 260, and parsing them was a third of an intake's CPU time (benchmark profile). This
 * engine keeps each text's parse result and evaluates it exactly as ScalaFeelEngine does.
 */
@Component
class ParsedFeelCache extends AbstractProcessEnginePlugin {

  /** Past this many distinct texts (only redeployed tables add any) the cache starts again. */
  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    List<FeelCustomFunctionProvider> functions = configuration.getDmnFeelCustomFunctionProviders();
    dmn.setFeelEngineFactory(() -> new CachingFeelEngine(functions == null ? List.of() : functions));
    configuration.setDmnEngineConfiguration(dmn);
  }

  static final class CachingFeelEngine extends ScalaFeelEngine {

    private final java.util.Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final java.util.Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    CachingFeelEngine(List<FeelCustomFunctionProvider> functions) {
      super(functions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      Context context = context(new ContextVariableWrapper(variableContext));
      return (T) evaluate(parsed(expressions, expression, feelEngine::parseExpression), context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      Context context = context(new StaticVariableProvider(new Map.Map1<String, Object>(INPUT_VARIABLE_NAME, inputVariable)),
          new ContextVariableWrapper(variableContext));
      // as FeelEngine.evalUnaryTests: the tests hold only when the result is true
      return Boolean.TRUE.equals(evaluate(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
    }

    private Context context(VariableProvider... providers) {
      VariableProvider variables = new VariableProvider.CompositeVariableProvider(toScalaList(providers));
      return new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return variables;
        }
      };
    }

    private static Either<Failure, ParsedExpression> parsed(java.util.Map<String, Either<Failure, ParsedExpression>> cache,
        String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
      if (cache.size() >= MAX_EXPRESSIONS) {
        cache.clear();
      }
      return cache.computeIfAbsent(expression, parser);
    }

    /** The value, or the FeelException that ScalaFeelEngine throws for a parse or evaluation failure. */
    private Object evaluate(Either<Failure, ParsedExpression> parsed, Context context) {
      if (parsed instanceof Left<Failure, ParsedExpression> failure) {
        throw LOGGER.evaluationException(failure.value().message());
      }
      Either<Failure, Object> result = feelEngine.eval(((Right<Failure, ParsedExpression>) parsed).value(), context);
      if (result instanceof Left<Failure, Object> failure) {
        throw LOGGER.evaluationException(failure.value().message());
      }
      return ((Right<Failure, Object>) result).value();
    }
  }
}
