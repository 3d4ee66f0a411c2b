package io.disputeflow.complaint;

public enum ComplaintStatus {
  OPEN,
  AWAITING_CUSTOMER,
  CLOSED
}
