package io.disputeflow.correspondence;

/** The letters DisputeFlow sends a customer. */
public enum LetterType {
  ACKNOWLEDGEMENT,
  INQUIRY_ANSWER,
  DECISION,
  REVERIFICATION_DECISION,
  SURVEY_INVITATION,
  EXTENSION_NOTICE,
  PAUSE_NOTICE
}
