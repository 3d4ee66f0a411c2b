package io.disputeflow.process;

import io.disputeflow.engine.TypedValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A call activity's way back: hands the calling process every variable the called process added
 * or changed, as {@code <camunda:out variables="all"/>} would, but leaves the ones that came back
 * unchanged alone. Copying those back rewrote each of them with a history row and a history
 * detail on every return: more than half of a case's variable history said nothing new.
 * The way in stays {@code <camunda:in variables="all"/>}, so a called process sees the whole case.
 */
public class ReturnChangedVariables implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    // the model's <camunda:in variables="all"/> passes the case in
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    VariableMap returned = subInstance.getVariablesTyped(false);
    for (String name : returned.keySet()) {
      TypedValue value = returned.getValueTyped(name);
      if (!superExecution.hasVariable(name) || !TypedValues.same(superExecution.getVariableTyped(name, false), value)) {
        superExecution.setVariable(name, value);
      }
    }
  }
}
