package io.disputeflow.tasklist;

import io.disputeflow.refusal.TaskActionRefusedException;
import org.springframework.http.HttpStatus;

/** A task was to be completed with values its form does not allow. */
public class FormInputRefusedException extends TaskActionRefusedException {

  public FormInputRefusedException(String message) {
    super(message, HttpStatus.BAD_REQUEST);
  }
}
