package io.disputeflow.complaint;

/**
 * Published, synchronously and inside the writer's transaction, after every write to a complaint's
 * row or its redress payment: listeners that keep figures derived from the complaint (the daily report
 * figures) move them in the same transaction, so they commit or roll back together with the change.
 */
public record ComplaintChanged(String complaintNumber) {}
