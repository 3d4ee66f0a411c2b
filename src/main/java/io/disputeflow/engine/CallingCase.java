package io.disputeflow.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a called stage reads of the case that called it. A call activity passes a stage only what the engine
 * reads there by itself (process/ReturnChangedVariables); everything else the stage's expressions and delegates
 * read comes from the calling processes, up to the case's top-level instance, whenever the stage has no variable
 * of that name.
 * So a stage reads the case as it is now, not a copy taken when the stage started. A variable a stage removes
 * reads as the case's value again: a stage that must hide a case value sets its own to null.
 */
public final class CallingCase {

  private CallingCase() {}

  /**
   * The nearest process that called {@code scope}'s process (or one that called that) and has {@code name}, or
   * null when none has it or {@code scope} is no execution or task of a called process.
   */
  public static DelegateExecution callerWith(VariableScope scope, String name) {
    return nearestWith(callerOf(scope), name);
  }

  /** The value of {@code name} in the nearest calling process that has it, or null. */
  public static Object variable(VariableScope scope, String name) {
    DelegateExecution caller = callerWith(scope, name);
    return caller == null ? null : caller.getVariable(name);
  }

  /** {@code name} as {@code execution} sees it, else as its nearest calling process has it, or null. */
  public static TypedValue ownOrCallers(DelegateExecution execution, String name) {
    DelegateExecution holder = nearestWith(execution, name);
    return holder == null ? null : holder.getVariableTyped(name, false);
  }

  /** Every variable {@code execution} and its calling processes have, the nearest value of each name. */
  public static Map<String, TypedValue> allVariables(DelegateExecution execution) {
    Deque<DelegateExecution> chain = new ArrayDeque<>();
    for (DelegateExecution up = execution; up != null; up = callerOf(up)) {
      chain.push(up);
    }
    Map<String, TypedValue> all = new LinkedHashMap<>();
    for (DelegateExecution scope : chain) {
      VariableMap variables = scope.getVariablesTyped(false);
      variables.keySet().forEach(name -> all.put(name, variables.getValueTyped(name)));
    }
    return all;
  }

  private static DelegateExecution nearestWith(DelegateExecution from, String name) {
    for (DelegateExecution up = from; up != null; up = callerOf(up)) {
      if (up.hasVariable(name)) {
        return up;
      }
    }
    return null;
  }

  private static DelegateExecution callerOf(VariableScope scope) {
    DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
        : scope instanceof DelegateExecution delegate ? delegate : null;
    return execution == null || execution.getProcessInstance() == null ? null
        : execution.getProcessInstance().getSuperExecution();
  }
}
