package io.disputeflow.tasklist;

import io.disputeflow.refusal.TaskActionRefusedException;
import org.springframework.http.HttpStatus;

/** A task was to be assigned to someone outside the groups that work it. */
public class AssignmentRefusedException extends TaskActionRefusedException {

  public AssignmentRefusedException(String message) {
    super(message, HttpStatus.BAD_REQUEST);
  }
}
