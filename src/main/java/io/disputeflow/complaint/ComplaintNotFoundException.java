package io.disputeflow.complaint;

/** A complaint number that no case has. */
public class ComplaintNotFoundException extends RuntimeException {

  public ComplaintNotFoundException(String complaintNumber) {
    super("No complaint " + complaintNumber);
  }
}
