package io.disputeflow.intake;

import io.disputeflow.casefile.ComplaintView;

/** What a submission led to: a new case, or an existing one (a retry, or a duplicate it joined). */
public record IntakeResult(ComplaintView complaint, Outcome outcome) {

  public enum Outcome {
    CREATED,
    ALREADY_SUBMITTED,
    MERGED_INTO_OPEN_CASE
  }
}
