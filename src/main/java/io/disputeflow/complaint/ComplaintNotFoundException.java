package io.disputeflow.complaint;

/** A complaint number that no case has. */
public class ComplaintNotFoundException extends RuntimeException {

  public ComplaintNotFoundException(String complaintNumber) {
    super("No complaint " + complaintNumber);
  }

  /** The complaint exists but not this part of it (e.g. an external referral of another case). */
  public ComplaintNotFoundException(String complaintNumber, String part) {
    super("Complaint " + complaintNumber + " has no " + part);
  }
}
