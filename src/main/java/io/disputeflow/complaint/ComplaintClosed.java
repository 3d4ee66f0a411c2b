package io.disputeflow.complaint;

/**
 * Published in the closing transaction when a complaint is closed, so features that learn from closed
 * cases (root-cause follow-up) act without the complaint package knowing them.
 */
public record ComplaintClosed(String complaintNumber) {}
