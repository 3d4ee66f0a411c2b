package io.disputeflow.security;

import org.camunda.bpm.engine.AuthorizationException;

/** A user named as the customer of a complaint acting on its tasks (answered 403 by /engine-rest). */
public class RecusalException extends AuthorizationException {

  RecusalException(String message) {
    super(message);
  }
}
