package io.disputeflow.tasklist;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task was to be assigned to someone outside the groups that work it. */
public class AssignmentRefusedException extends ProcessEngineException {

  public AssignmentRefusedException(String message) {
    super(message);
  }
}
