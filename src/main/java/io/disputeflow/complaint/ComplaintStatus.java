package io.disputeflow.complaint;

public enum ComplaintStatus {
  OPEN,
  AWAITING_CUSTOMER,
  CLOSED,
  /** The customer withdrew the complaint (撤回) before it was closed: no decision is owed any more. */
  WITHDRAWN;

  /** Closed or withdrawn: the case has ended and takes no further action. */
  public boolean ended() {
    return this == CLOSED || this == WITHDRAWN;
  }
}
