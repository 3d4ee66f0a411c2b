package io.disputeflow.engine;

import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/** A model's expression asked for something outside the allow list of {@link SandboxedExpressionManager}; it does not run. */
public class ExpressionRefusedException extends ELException {

  public ExpressionRefusedException(String message) {
    super(message);
  }
}
