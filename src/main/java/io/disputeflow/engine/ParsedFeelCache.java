package io.disputeflow.engine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
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
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL expressions parsed once, not on every evaluation. Camunda's ScalaFeelEngine
 * parses each input entry and output expression whenever a decision runs: the classification table
 * alone has some 260, and parsing them was a third of an intake's CPU time (benchmark profile). This
 * engine keeps each text's parse result and evaluates it exactly as ScalaFeelEngine does.
 *
 * <p>It also keeps the table of FEEL's built-in functions. The FEEL engine (1.19) builds that table, some
 * 150 functions in nested maps, afresh for every expression it evaluates; with the classification table's
 * 260 entries that was the largest part of a classification once parsing was gone. Here the table is built
 * once and each evaluation gets a fresh context over it (the context collects the evaluation's failures,
 * so it is never shared). The table's date functions ({@code today()}, {@code now()}) read the FEEL engine's
 * clock when they are called, so keeping the table freezes no time. Whatever does not evaluate cleanly (an error value, an assertion, an exception)
 * is evaluated again by the FEEL engine itself, so failures keep its exact messages.
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

    /** A null result, as an Optional cannot hold one. */
    private static final Object NULL = new Object();

    private final java.util.Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final java.util.Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    /** FEEL's built-in functions and the custom ones, built once: the FEEL engine rebuilds them per evaluation. */
    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;
    /** Evaluations, and those the FEEL engine had to evaluate again (an error, a failure or an exception). */
    private final LongAdder evaluations = new LongAdder();
    private final LongAdder evaluatedAgain = new LongAdder();

    CachingFeelEngine(List<FeelCustomFunctionProvider> functions) {
      super(functions);
      this.functions = new FunctionProvider.CompositeFunctionProvider(toScalaList(
          new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
      this.interpreter = new FeelInterpreter(feelEngine.valueMapper());
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
      ParsedExpression expression = ((Right<Failure, ParsedExpression>) parsed).value();
      evaluations.increment();
      Optional<Object> clean = evaluateOverKeptFunctions(expression, context);
      if (clean.isPresent()) {
        return clean.get() == NULL ? null : clean.get();
      }
      evaluatedAgain.increment();
      Either<Failure, Object> result = feelEngine.eval(expression, context);
      if (result instanceof Left<Failure, Object> failure) {
        throw LOGGER.evaluationException(failure.value().message());
      }
      return ((Right<Failure, Object>) result).value();
    }

    /** The share of evaluations that needed the FEEL engine's own path (tests: it must stay small). */
    double evaluatedAgainShare() {
      return evaluatedAgain.doubleValue() / Math.max(1, evaluations.longValue());
    }

    /**
     * As FeelEngine.evaluate, over the kept function table: the value (NULL for null) when the expression
     * evaluated without an error value, an exception or any failure collected; empty otherwise, for the
     * FEEL engine to evaluate and report. The expression was validated when it was parsed.
     */
    private Optional<Object> evaluateOverKeptFunctions(ParsedExpression expression, Context context) {
      try {
        EvalContext evalContext = EvalContext.create(feelEngine.valueMapper(), functions).merge(context);
        Val value = interpreter.eval(expression.expression(), evalContext);
        if (value instanceof ValError || value instanceof ValFatalError
            || !evalContext.failureCollector().failures().isEmpty()) {
          return Optional.empty();
        }
        Object unpacked = feelEngine.valueMapper().unpackVal(value);
        return Optional.of(unpacked == null ? NULL : unpacked);
      } catch (RuntimeException notClean) {
        return Optional.empty();
      }
    }
  }
}
