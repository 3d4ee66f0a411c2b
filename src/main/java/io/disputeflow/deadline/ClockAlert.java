package io.disputeflow.deadline;

/** What the clock raises, and for whom (Camunda group ids). */
public enum ClockAlert {
  DECISION_WARNING("coordinator,supervisor"),
  DECISION_BREACH("coordinator,supervisor"),
  REVIEW_OVERDUE("supervisor"),
  LEGAL_OPINION_OVERDUE("supervisor"),
  REVERIFICATION_BREACH("head-of-consumer-protection,supervisor"),
  /** Regulation Z: no written acknowledgement of the billing-error notice by its due date. */
  ACKNOWLEDGEMENT_BREACH("coordinator,supervisor"),
  /** Regulation E: the result of the investigation not reported (decision letter not sent) within 3 business days. */
  RESULT_REPORT_BREACH("coordinator,supervisor");

  final String recipients;

  ClockAlert(String recipients) {
    this.recipients = recipients;
  }
}
