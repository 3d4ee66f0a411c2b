package io.disputeflow.resolution;

import org.camunda.bpm.engine.ProcessEngineException;

/** Refuses an approval by the person who made the proposal (four-eyes principle). */
public class FourEyesViolationException extends ProcessEngineException {

  public FourEyesViolationException(String message) {
    super(message);
  }
}
