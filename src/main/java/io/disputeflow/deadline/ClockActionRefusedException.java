package io.disputeflow.deadline;

/** An extension, pause or resume the case cannot take now (answered 409). */
public class ClockActionRefusedException extends RuntimeException {

  public ClockActionRefusedException(String message) {
    super(message);
  }
}
