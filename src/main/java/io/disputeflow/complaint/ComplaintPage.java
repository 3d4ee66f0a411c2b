package io.disputeflow.complaint;

import java.util.List;

/** A page of search results, newest receipt first. */
public record ComplaintPage(List<ComplaintSummary> content, int page, int size, long totalElements, int totalPages) {}
