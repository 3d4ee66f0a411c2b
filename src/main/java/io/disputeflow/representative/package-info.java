/**
 * Who acts for the customer: a relative, a lawyer or another authorised person, recorded at intake or
 * later ({@code PUT /api/complaints/{number}/representative}). Each recording is a row of its own, so it
 * appears on the case's timeline, and letters go to the representative as well as the customer.
 */
package io.disputeflow.representative;
