package io.disputeflow.correspondence;

/** Where a letter stands in the outbox. */
public enum LetterStatus {
  /** Waiting for the dispatcher: new, or back-off after a failed attempt. */
  QUEUED,
  /** Claimed by one node, which is handing it to the mail server. */
  SENDING,
  /** Accepted by the mail server. */
  SENT,
  /** Every attempt failed; waits for someone to retry it (POST …/letters/{id}/retry). */
  FAILED,
  /** The customer gave no e-mail address: the letter is to be printed and posted. */
  PRINT
}
