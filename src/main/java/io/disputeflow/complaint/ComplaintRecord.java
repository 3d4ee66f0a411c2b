package io.disputeflow.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the complaint table. */
public record ComplaintRecord(
    String complaintNumber,
    Channel channel,
    String externalReference,
    OffsetDateTime receivedAt,
    String customerId,
    String customerName,
    String customerPhone,
    String customerEmail,
    String preferredLanguage,
    LocalDate customerBirthDate,
    boolean customerVulnerable,
    Product product,
    String issue,
    String narrative,
    BigDecimal disputedAmount,
    String disputedCurrency,
    boolean inquiryOnly,
    ComplaintStatus status,
    Stage stage,
    String category,
    String priority,
    String departments,
    Boolean legalNeeded,
    String regime,
    OffsetDateTime decisionDueAt,
    String investigationFindings,
    String legalOpinion,
    String decision,
    BigDecimal compensationAmount,
    String decisionGrounds,
    OffsetDateTime decidedAt,
    String resolutionOutcome,
    Integer satisfactionScore,
    String satisfactionComment,
    String rootCause,
    String rootCauseDepartment,
    Boolean systemicCause,
    OffsetDateTime closedAt,
    OffsetDateTime createdAt) {}
