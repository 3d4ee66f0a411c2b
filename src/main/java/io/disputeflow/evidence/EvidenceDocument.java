package io.disputeflow.evidence;

import java.time.OffsetDateTime;

/** One evidence document of a case, without its bytes: what the API lists and answers an upload with. */
public record EvidenceDocument(long id, String fileName, String contentType, long size, String sha256,
    String uploadedBy, OffsetDateTime uploadedAt) {}
