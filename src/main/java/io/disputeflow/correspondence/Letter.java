package io.disputeflow.correspondence;

import java.time.OffsetDateTime;

/**
 * A letter to the customer and where its delivery stands, as the complaint record lists it.
 * {@code nextAttemptAt}: when a QUEUED letter is tried next, or when a SENDING letter's claim runs out.
 */
public record Letter(long id, LetterType type, String language, String recipient, LetterStatus status, int attempts,
    String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String messageId, OffsetDateTime createdAt) {}
