package io.disputeflow.evidence;

/** A stored document whose bytes no longer hash to the SHA-256 taken at upload (changed in the database). */
class EvidenceDamagedException extends RuntimeException {

  EvidenceDamagedException(String complaintNumber, long id) {
    super("Document " + id + " of complaint " + complaintNumber + " no longer matches the SHA-256 recorded when it"
        + " was added; it is not handed out. Restore it from a backup");
  }
}
