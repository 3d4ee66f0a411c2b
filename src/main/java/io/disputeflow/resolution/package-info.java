/**
 * The resolution stage: the decision, its four-eyes approval and compensation authority.
 */
package io.disputeflow.resolution;
