package io.disputeflow.complaint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A referral of the dispute to an outside body (mediation, the regulator, an ombudsman, arbitration, a
 * court): who and under which reference, the case file the bank sends by {@code caseFileDueAt}, and the
 * body's outcome with any further redress (paid like a decision's, {@code redress}).
 */
public record ExternalReferral(long id, Body body, String organisation, String reference, OffsetDateTime referredAt,
    OffsetDateTime responseDueAt, OffsetDateTime caseFileDueAt, Status status, String registeredBy,
    OffsetDateTime registeredAt, String caseFileSentBy, OffsetDateTime caseFileSentAt, String caseFileNotes,
    Outcome outcome, String outcomeBy, OffsetDateTime outcomeAt, String outcomeNotes, BigDecimal furtherRedressAmount,
    String furtherRedressCurrency, Redress redress) {

  /** Who the dispute is referred to. */
  public enum Body { MEDIATION, REGULATOR, OMBUDSMAN, ARBITRATION, COURT }

  /** CASE_FILE_DUE until the case file is sent, AWAITING_OUTCOME until the outcome is recorded, then CONCLUDED. */
  public enum Status { CASE_FILE_DUE, AWAITING_OUTCOME, CONCLUDED }

  /** What the outside body decided, or that the customer withdrew the referral. */
  public enum Outcome { SETTLED, UPHELD_FOR_CUSTOMER, REJECTED, WITHDRAWN }

  /** What the bank registers: the body, who, the body's reference, when, and the body's deadline if it set one. */
  public record Registration(Body body, String organisation, String reference, OffsetDateTime referredAt,
      OffsetDateTime responseDueAt) {}
}
