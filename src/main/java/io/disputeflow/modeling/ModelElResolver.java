package io.disputeflow.modeling;

import io.disputeflow.engine.CallingCase;
import io.disputeflow.engine.ExpressionRefusedException;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only resolver of the engine's expressions ({@link ModelExpressionManager}): it enforces
 * {@link ExpressionAllowList} whenever an expression runs, so a model that reached the database
 * without the deployment check (deployed before it, or written there directly) cannot run code
 * either. It replaces Camunda's chain, whose last resolver calls any public method of any object
 * ({@code BeanELResolver}) and whose bean resolver hands out every Spring bean.
 *
 * <ul>
 *   <li>a name is a variable (or {@code execution}, {@code task}), in the stage or else in the case that called it
 *       ({@link CallingCase}), else an allowed helper, else one
 *       of our delegate or listener beans; any other bean is refused;</li>
 *   <li>a method is called only on an allowed helper (only its listed methods), on {@code execution}
 *       or {@code task} only {@code getVariable} and {@code hasVariable}, and on a Joda date or zone
 *       only the date arithmetic of the Tasklist filters ({@link #DATE_METHODS});</li>
 *   <li>a property is read only from a map, a list or an array, and {@code execution.processBusinessKey};</li>
 *   <li>nothing is written.</li>
 * </ul>
 */
class ModelElResolver extends ELResolver {

  private static final Logger LOG = LoggerFactory.getLogger(ModelElResolver.class);

  private final Function<String, Object> beans;
  private final ELResolver variables;
  private final ELResolver variableContext;
  private final ELResolver maps = new MapELResolver(true);
  private final ELResolver lists = new ListELResolver(true);
  private final ELResolver arrays = new ArrayELResolver(true);
  private final ELResolver helperMethods = new BeanELResolver(true);
  private final ELResolver variableReads = new BeanELResolver(true);

  /** @param beans the bean of a name, or null (the Spring context; in process tests the engine's mocks) */
  ModelElResolver(Function<String, Object> beans, ELResolver variables, ELResolver variableContext) {
    this.beans = beans;
    this.variables = variables;
    this.variableContext = variableContext;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      return name(context, String.valueOf(property));
    }
    if (base instanceof DelegateExecution execution && ExpressionAllowList.EXECUTION_PROPERTIES.contains(property)) {
      context.setPropertyResolved(true);
      return execution.getProcessBusinessKey();
    }
    ELResolver collection = collectionResolver(base);
    if (collection == null) {
      throw refused("reading '" + property + "' of " + describe(base) + " (models read variables, map and list"
          + " entries and execution.processBusinessKey only)");
    }
    return collection.getValue(context, base, property);
  }

  private Object name(ELContext context, String name) {
    Object value = variables.getValue(context, null, name);
    if (context.isPropertyResolved()) {
      return value;
    }
    value = variableContext.getValue(context, null, name);
    if (context.isPropertyResolved()) {
      return value;
    }
    // a called stage reads the rest of the case from the processes that called it
    if (context.getContext(VariableScope.class) instanceof VariableScope scope) {
      DelegateExecution caller = CallingCase.callerWith(scope, name);
      if (caller != null) {
        context.setPropertyResolved(true);
        return caller.getVariable(name);
      }
    }
    Object bean = beans.apply(name);
    if (bean == null) {
      return null; // unresolved: the engine reports an unknown property
    }
    if (!ExpressionAllowList.HELPERS.containsKey(name) && !ExpressionAllowList.isDelegate(bean)) {
      throw refused("the bean '" + name + "' is not one a model may use");
    }
    context.setPropertyResolved(true);
    return bean;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    String name = String.valueOf(method);
    if (base instanceof VariableScope scope && ExpressionAllowList.EXECUTION_METHODS.contains(name)) {
      DelegateExecution caller = params != null && params.length == 1 && params[0] instanceof String variable
          && !scope.hasVariable(variable) ? CallingCase.callerWith(scope, variable) : null;
      if (caller != null) {
        // as a name: a stage reads what it does not hold from the case that called it
        context.setPropertyResolved(true);
        return "hasVariable".equals(name) ? Boolean.TRUE : caller.getVariable((String) params[0]);
      }
      return variableReads.invoke(context, base, method, paramTypes, params);
    }
    if (isQueryDate(base) && DATE_METHODS.contains(name)) {
      return helperMethods.invoke(context, base, method, paramTypes, params);
    }
    String helper = helperNameOf(base);
    if (helper == null || !ExpressionAllowList.HELPERS.get(helper).methods().contains(name)) {
      throw refused("calling '" + name + "' on " + (helper == null ? describe(base) : "the bean '" + helper + "'")
          + " (models may call " + ExpressionAllowList.describeHelpers() + ")");
    }
    return helperMethods.invoke(context, base, method, paramTypes, params);
  }

  /**
   * Date arithmetic on the result of the query function {@code dateTime()}, as Tasklist filters
   * write it: {@code ${dateTime().withZone(dateTime().getZone().forID('Asia/Shanghai')).withTimeAtStartOfDay()}}.
   */
  static final Set<String> DATE_METHODS = Set.of("getZone", "forID", "withZone", "withTimeAtStartOfDay", "toDate",
      "plusMinutes", "plusHours", "plusDays", "plusWeeks", "plusMonths", "minusMinutes", "minusHours", "minusDays",
      "minusWeeks", "minusMonths");

  private static boolean isQueryDate(Object base) {
    return base instanceof org.joda.time.DateTime || base instanceof org.joda.time.DateTimeZone;
  }

  /** The helper this object is, by identity: a variable of the same type is no helper. */
  private String helperNameOf(Object base) {
    if (base == null) {
      return null;
    }
    for (String name : ExpressionAllowList.HELPERS.keySet()) {
      if (beans.apply(name) == base) {
        return name;
      }
    }
    return null;
  }

  private ELResolver collectionResolver(Object base) {
    if (base instanceof Map<?, ?>) {
      return maps;
    }
    if (base instanceof List<?>) {
      return lists;
    }
    return base.getClass().isArray() ? arrays : null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base == null) {
      return variables.getType(context, null, property);
    }
    ELResolver collection = collectionResolver(base);
    return collection == null ? null : collection.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    throw new PropertyNotWritableException("Expression refused: a model's expression writes nothing ('" + property
        + "')");
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    context.setPropertyResolved(true);
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }

  private static String describe(Object base) {
    if (base instanceof DelegateExecution) {
      return "the engine's execution";
    }
    return base == null ? "null" : "a " + base.getClass().getName();
  }

  private static ExpressionRefusedException refused(String what) {
    ExpressionRefusedException refusal = new ExpressionRefusedException("Expression refused: " + what);
    LOG.warn("{}", refusal.getMessage());
    return refusal;
  }
}
