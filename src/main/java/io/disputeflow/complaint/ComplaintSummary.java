package io.disputeflow.complaint;

import java.time.OffsetDateTime;

/** One row of a search result. */
public record ComplaintSummary(
    String complaintNumber,
    ComplaintStatus status,
    Stage stage,
    String category,
    String priority,
    Channel channel,
    Product product,
    String customerName,
    String issue,
    OffsetDateTime receivedAt,
    OffsetDateTime decisionDueAt) {}
