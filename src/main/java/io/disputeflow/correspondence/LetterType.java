package io.disputeflow.correspondence;

import java.util.Locale;

/** The letters DisputeFlow sends a customer; each has a template per language in resources/letters/. */
public enum LetterType {
  ACKNOWLEDGEMENT,
  INQUIRY_ANSWER,
  /** The decision deadline was extended: the new due date and the reason. */
  EXTENSION_NOTICE,
  /** The regulatory clock is paused, e.g. for an external appraisal. */
  PAUSE_NOTICE,
  DECISION,
  /** UK (FCA DISP 1.5.4R): a complaint resolved by the close of the third business day after receipt. */
  SUMMARY_RESOLUTION,
  /** UK (FCA DISP 1.6.2R(2)): eight weeks passed without a final response; the customer may go to the Ombudsman. */
  EIGHT_WEEK_LETTER,
  REVERIFICATION_DECISION,
  SURVEY_INVITATION,
  /** The customer withdrew the complaint: the confirmation, and that a new complaint remains possible. */
  WITHDRAWAL_CONFIRMATION;

  /** The template's file name stem: {@code DECISION} → {@code decision}, {@code EXTENSION_NOTICE} → {@code extension-notice}. */
  String templateName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
