package io.disputeflow.recusal;

import io.disputeflow.refusal.TaskActionRefusedException;
import org.springframework.http.HttpStatus;

/** A user named as the customer of a complaint acting on one of its tasks. */
public class RecusalException extends TaskActionRefusedException {

  RecusalException(String message) {
    super(message, HttpStatus.FORBIDDEN);
  }
}
