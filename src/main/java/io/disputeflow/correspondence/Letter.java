package io.disputeflow.correspondence;

import java.time.OffsetDateTime;

/**
 * A letter to the customer and where its delivery stands, as the complaint record lists it.
 * {@code nextAttemptAt}: when a QUEUED letter is tried next, or when a SENDING letter's claim runs out;
 * {@code deliveredAt}: a printed letter's recorded delivery; {@code addressee}: {@value #CUSTOMER}, or
 * {@value #REPRESENTATIVE} for the copy that goes to whoever made the complaint on the customer's behalf.
 */
public record Letter(long id, LetterType type, String language, String recipient, LetterStatus status, int attempts,
    String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String messageId, OffsetDateTime createdAt,
    OffsetDateTime deliveredAt, String addressee) {

  public static final String CUSTOMER = "CUSTOMER";
  public static final String REPRESENTATIVE = "REPRESENTATIVE";

  /** A letter to the customer. */
  public Letter(long id, LetterType type, String language, String recipient, LetterStatus status, int attempts,
      String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String messageId, OffsetDateTime createdAt,
      OffsetDateTime deliveredAt) {
    this(id, type, language, recipient, status, attempts, lastError, nextAttemptAt, sentAt, messageId, createdAt,
        deliveredAt, CUSTOMER);
  }

  /** Whether this is the customer's own letter (not the representative's copy): periods run from the customer's. */
  public boolean toCustomer() {
    return !REPRESENTATIVE.equals(addressee);
  }

  /**
   * When the customer received it: an e-mail when the mail server accepted it, a printed letter at
   * its recorded delivery, else {@code deemedDelivery} after it was posted (queued for print); null
   * while an e-mail has not gone out.
   */
  public OffsetDateTime receivedAt(java.time.Duration deemedDelivery) {
    return switch (status) {
      case SENT -> sentAt;
      case PRINT -> deliveredAt != null ? deliveredAt : createdAt.plus(deemedDelivery);
      default -> null;
    };
  }
}
