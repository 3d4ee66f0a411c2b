/**
 * The auditors' view of a case: its timeline assembled from the engine's history and our records,
 * the hash chain anchored when the case closes, the replay page, auditor search and history
 * retention.
 */
package io.disputeflow.audit;
