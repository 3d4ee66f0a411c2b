package io.disputeflow.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One line of a case's timeline: when (in the bank's zone), what, who, where (process key and
 * version, element id and name), the details, and the chain hash up to and including this line.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"seq", "time", "type", "actor", "processKey", "processVersion", "processInstanceId", "elementId",
    "elementName", "details", "hash"})
public record TimelineEntry(
    int seq,
    String time,
    EntryType type,
    String actor,
    String processKey,
    Integer processVersion,
    String processInstanceId,
    String elementId,
    String elementName,
    Map<String, Object> details,
    String hash) {}
