package io.disputeflow.audit;

import java.util.List;

/** Everything that happened to a case, in order; {@code headHash} is the hash of the last entry. */
public record Timeline(String complaintNumber, String zone, int entryCount, String headHash,
    List<TimelineEntry> entries) {}
