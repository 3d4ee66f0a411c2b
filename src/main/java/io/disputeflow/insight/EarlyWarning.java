package io.disputeflow.insight;

import java.time.OffsetDateTime;

/** One alert of GET /api/reports/early-warnings; times in the bank's zone. */
record EarlyWarning(
    long id,
    String businessKey,
    IntakeDimension dimension,
    String value,
    String label,
    String status,
    OffsetDateTime windowStart,
    OffsetDateTime windowEnd,
    int observed,
    double expected,
    double pValue,
    int peakObserved,
    OffsetDateTime raisedAt,
    OffsetDateTime lastSeenAt,
    String assessment,
    String resolutionNotes,
    String resolvedBy,
    OffsetDateTime resolvedAt) {

  static final String OPEN = "OPEN";
  static final String RESOLVED = "RESOLVED";
}
