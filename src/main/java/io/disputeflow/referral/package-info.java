/**
 * Mediation and outside referrals: a dispute referred to a mediation organisation, the regulator, an
 * ombudsman, arbitration or a court. The API and the Tasklist start form that register a referral, and the
 * steps of {@code external-referral} that record the case file sent and the body's outcome. The record of a
 * referral lives with the complaint ({@code external_referral}).
 */
package io.disputeflow.referral;
