package io.disputeflow.audit;

/**
 * The outcome of recomputing a case's hash chain from the history tables and comparing it with
 * the anchor kept when the case closed.
 */
public record Verification(
    String complaintNumber,
    Status status,
    String message,
    int anchoredEntries,
    int currentEntries,
    String anchoredHeadHash,
    String recomputedHeadHash,
    String anchoredAt,
    Difference firstDifference) {

  public enum Status {
    /** Every anchored entry recomputes to its anchored hash. */
    VERIFIED,
    /** An anchored entry recomputes to another hash, or is gone: the history changed after anchoring. */
    BROKEN,
    /** An open case: nothing anchored yet to verify against. */
    NOT_ANCHORED
  }

  /** The first anchored entry whose recomputed hash differs; {@code recomputed} is null when it is gone. */
  public record Difference(int seq, String anchoredType, String anchoredTime, String anchoredHash,
      String recomputedHash, TimelineEntry recomputed) {}
}
