package io.disputeflow.evidence;

/** No document with this id in this case (also when the id belongs to another case). */
class EvidenceNotFoundException extends RuntimeException {

  EvidenceNotFoundException(String complaintNumber, long id) {
    super("Complaint " + complaintNumber + " has no document " + id);
  }
}
