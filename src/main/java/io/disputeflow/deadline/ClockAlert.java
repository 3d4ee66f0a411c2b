package io.disputeflow.deadline;

/** What the clock raises, and for whom (Camunda group ids). */
public enum ClockAlert {
  DECISION_WARNING("coordinator,supervisor"),
  DECISION_BREACH("coordinator,supervisor"),
  REVIEW_OVERDUE("supervisor"),
  LEGAL_OPINION_OVERDUE("supervisor"),
  REVERIFICATION_BREACH("head-of-consumer-protection,supervisor");

  final String recipients;

  ClockAlert(String recipients) {
    this.recipients = recipients;
  }
}
