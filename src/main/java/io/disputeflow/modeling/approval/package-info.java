/**
 * Four eyes on deployments: a process owner's deployment waits, inactive, until a second person
 * approves it in Tasklist.
 */
package io.disputeflow.modeling.approval;
