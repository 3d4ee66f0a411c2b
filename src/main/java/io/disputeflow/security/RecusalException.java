package io.disputeflow.security;

import org.camunda.bpm.engine.ProcessEngineException;

/** A user named as the customer of a complaint acting on one of its tasks. */
public class RecusalException extends ProcessEngineException {

  RecusalException(String message) {
    super(message);
  }
}
