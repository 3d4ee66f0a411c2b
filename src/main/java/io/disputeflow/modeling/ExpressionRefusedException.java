package io.disputeflow.modeling;

import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/** A model's expression asked for something outside {@link ExpressionAllowList}; it does not run. */
public class ExpressionRefusedException extends ELException {

  ExpressionRefusedException(String message) {
    super(message);
  }
}
