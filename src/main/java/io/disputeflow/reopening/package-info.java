/**
 * Reopening a closed case (new facts, a late lawful re-verification request, an outside body's finding): the
 * API and the Tasklist start form of a coordinator or supervisor. The case then works through
 * complaint-handling again with a new decision period under its regime's rule. The record of a reopening,
 * with what the previous life decided, lives with the complaint ({@code complaint_reopening}).
 */
package io.disputeflow.reopening;
