package io.disputeflow.complaint;

/** Only a closed case may be reopened (answered 409). */
public class CaseNotClosedException extends RuntimeException {

  public CaseNotClosedException(String message) {
    super(message);
  }
}
