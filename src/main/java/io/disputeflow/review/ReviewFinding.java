package io.disputeflow.review;

import java.time.OffsetDateTime;

/** One department's review of a complaint. */
public record ReviewFinding(String department, String findings, String recommendation, String reviewedBy,
    OffsetDateTime reviewedAt) {}
