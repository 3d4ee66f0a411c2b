/**
 * A case as the API shows it: the complaint record joined with its clock, letters and awaited
 * customer actions ({@code GET /api/complaints/{number}}), search, and what each reader may see of
 * it. Composes the features; none of them depends on it.
 */
package io.disputeflow.casefile;
