package io.disputeflow.deadline;

/** The durations of one row of deadline-policy.dmn, as ISO-8601 durations. */
public record DeadlinePolicy(
    String decideWithin,
    String firstExtension,
    String secondExtension,
    String warnBefore,
    String departmentReviewWithin,
    String legalOpinionWithin,
    String contestWithin,
    String reverificationWithin,
    String surveyWithin) {}
