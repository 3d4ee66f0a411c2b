package io.disputeflow.correspondence;

import java.time.OffsetDateTime;

/** A letter to the customer and where it stands. */
public record Letter(long id, String complaintNumber, LetterType type, String language, String recipient,
    String status, OffsetDateTime createdAt) {}
