/**
 * Four eyes on deployments: a process owner's deployment waits, inactive, until a second person
 * approves it in Tasklist, after reading its changes and its diagrams beside the active versions.
 */
package io.disputeflow.modeling.approval;
