package io.disputeflow.complaint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A closed case reopened: why (the ground and the reason), who and when, and what its previous life ended
 * with (closing, decision, compensation, deadline), kept before the case works through the handling again.
 */
public record Reopening(long id, Ground ground, String reason, String reopenedBy, OffsetDateTime reopenedAt,
    OffsetDateTime previousClosedAt, String previousDecision, BigDecimal previousCompensation,
    OffsetDateTime previousDecidedAt, OffsetDateTime previousDecisionDueAt) {

  /** New facts, a late re-verification request the law still allows, or an outside body's finding. */
  public enum Ground { NEW_FACTS, LATE_CONTEST, EXTERNAL_FINDING }
}
