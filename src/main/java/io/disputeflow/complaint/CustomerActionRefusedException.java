package io.disputeflow.complaint;

/** The case does not wait for this customer action now (answered 409). */
public class CustomerActionRefusedException extends RuntimeException {

  public CustomerActionRefusedException(String complaintNumber, AwaitedAction action, java.util.List<AwaitedAction> awaiting) {
    super("Complaint " + complaintNumber + " is not awaiting " + action
        + (awaiting.isEmpty() ? "; it awaits no customer action now" : "; it awaits " + awaiting));
  }
}
