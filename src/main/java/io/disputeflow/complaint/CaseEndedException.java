package io.disputeflow.complaint;

/** The case has already ended (closed or withdrawn) and takes no further action (answered 409). */
public class CaseEndedException extends RuntimeException {

  public CaseEndedException(String complaintNumber, ComplaintStatus status, String action) {
    super("Complaint " + complaintNumber + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + "; it cannot be "
        + action + " any more");
  }

  public CaseEndedException(String message) {
    super(message);
  }
}
