package io.disputeflow.modeling;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What an expression in a model may name, and why each entry is there. A model is code that runs
 * with the application's rights: without this list one expression reaches every class on the class
 * path ({@code ''.getClass().forName(...)}), the engine's services ({@code execution.processEngineServices})
 * and every Spring bean. The deployment check ({@link ExpressionPolicy}) refuses anything else, and
 * the engine's expression resolver ({@link ModelElResolver}) enforces the same list at run time.
 *
 * <p>Besides these names an expression may read process variables, compare, do arithmetic and
 * choose ({@code a ? b : c}); it may read entries of a map or list variable.
 */
final class ExpressionAllowList {

  /** A helper bean whose listed methods a model may call. */
  record Helper(String bean, Set<String> methods, String reason) {}

  static final Map<String, Helper> HELPERS = Stream.of(
      new Helper("workingDays", Set.of("fromNow"),
          "due dates of internal tasks in the bank's working days, holidays and make-up days counted"
              + " (camunda:dueDate=\"${workingDays.fromNow('P5D')}\")"),
      new Helper("decisionClock", Set.of("step", "nextAlertAt", "canExtend", "extensionApprover"),
          "the regulatory decision clock of complaint-handling: which alert is due, when the next one is,"
              + " whether the deadline may still be extended and which group approves the extension"),
      new Helper("contestWindow", Set.of("nextCheckAt", "hasPassed"),
          "the customer's window to contest a decision in resolution, counted from the decision's receipt:"
              + " when to look again and whether it has passed"),
      new Helper("eightWeekLetter", Set.of("dueAt", "isOwed"),
          "the UK eight-week letter of complaint-handling (FCA DISP 1.6.2R): when it is due and whether it is"
              + " still owed (no final response yet)"),
      new Helper("departmentReview", Set.of("departmentsOf"),
          "the departments the multi-instance review task of department-review runs for"))
      .collect(Collectors.toUnmodifiableMap(Helper::bean, Function.identity()));

  /**
   * The engine's objects an expression may name: only as an argument of a helper's method (the
   * helper reads the complaint's variables through it), or to read the properties below.
   */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");

  /** execution.processBusinessKey: a call activity hands the complaint number on as the business key. */
  static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey");

  /**
   * execution.getVariable('x'), execution.hasVariable('x') (and the same on task): read a variable
   * that may not be set, where ${x} would fail; they return variable values and nothing else.
   */
  static final Set<String> EXECUTION_METHODS = Set.of("getVariable", "hasVariable");

  /**
   * Names that are never a variable or a bean a model may use, even when the application has a bean
   * of that name: the Spring context and the engine itself.
   */
  static final Set<String> RESERVED = Set.of("applicationContext", "beanFactory", "environment", "systemProperties",
      "systemEnvironment", "processEngine", "processEngineConfiguration", "variableScope");

  /** Our own code: delegates, listeners and variable mappings outside it are refused. */
  static final String OWN_PACKAGE = "io.disputeflow.";

  /**
   * A delegate or listener bean ({@code camunda:delegateExpression="${sendLetterDelegate}"}): the
   * steps of the element templates and our listeners. The engine calls their execute/notify; an
   * expression may name them but never call one of their methods.
   */
  static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

  /** What a {@code camunda:class} or {@code camunda:variableMappingClass} may name: our delegates and mappings. */
  static final List<Class<?>> CLASS_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class,
      DelegateVariableMapping.class);

  private ExpressionAllowList() {}

  static boolean isDelegate(Object bean) {
    return bean != null && ownCode(bean.getClass()) && DELEGATE_TYPES.stream().anyMatch(type -> type.isInstance(bean));
  }

  static boolean isDelegateType(Class<?> type) {
    return type != null && ownCode(type) && DELEGATE_TYPES.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
  }

  static boolean isAllowedClass(Class<?> type) {
    return ownCode(type) && CLASS_TYPES.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
  }

  static String describeHelpers() {
    return HELPERS.values().stream().sorted(java.util.Comparator.comparing(Helper::bean))
        .flatMap(helper -> helper.methods().stream().sorted().map(method -> helper.bean() + "." + method))
        .collect(Collectors.joining(", "));
  }

  private static boolean ownCode(Class<?> type) {
    return type.getName().startsWith(OWN_PACKAGE);
  }
}
