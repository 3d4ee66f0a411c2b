package io.disputeflow.refusal;

import io.disputeflow.refusal.TaskActionRefusedException;
import org.springframework.http.HttpStatus;

/** Refuses an approval by the person who made the proposal (four-eyes principle). */
public class FourEyesViolationException extends TaskActionRefusedException {

  public FourEyesViolationException(String message) {
    super(message, HttpStatus.FORBIDDEN);
  }
}
