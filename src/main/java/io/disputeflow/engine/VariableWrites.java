package io.disputeflow.engine;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/** Whether a variable was written again after it was created, as the engine counts its writes. */
public final class VariableWrites {

  private VariableWrites() {}

  /**
   * True when {@code scope}'s own variable {@code name} still holds the value it was created with: the engine
   * counts each write of a runtime variable (its sequence counter, 1 at creation), whatever the value written.
   * False when it was written since, or is no stored variable of {@code scope} (a transient one, say).
   */
  public static boolean unwrittenSinceCreated(VariableScope scope, String name) {
    return scope instanceof AbstractVariableScope variables
        && variables.getVariableInstanceLocal(name) instanceof VariableInstanceEntity variable
        && variable.getSequenceCounter() == 1;
  }
}
