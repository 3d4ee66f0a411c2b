package io.disputeflow.deadline;

/** An extension, pause or resume the case cannot take now (answered 409). */
public class ClockActionRefusedException extends RuntimeException {

  private final boolean aboutTheCase;

  public ClockActionRefusedException(String message) {
    this(message, false);
  }

  private ClockActionRefusedException(String message, boolean aboutTheCase) {
    super(message);
    this.aboutTheCase = aboutTheCase;
  }

  /** Refused because of the case itself (decided, no running case), whatever the action. */
  static ClockActionRefusedException aboutTheCase(String message) {
    return new ClockActionRefusedException(message, true);
  }

  public boolean aboutTheCase() {
    return aboutTheCase;
  }
}
