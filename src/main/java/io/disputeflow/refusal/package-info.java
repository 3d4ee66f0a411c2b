/**
 * What a rule of ours refuses (four eyes, recusal, invalid fields, too large a request), as
 * exceptions that {@code web} and the Tasklist filters translate to answers. Depends on no other
 * package of ours.
 */
package io.disputeflow.refusal;
