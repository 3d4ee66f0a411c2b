/**
 * Durations as ISO 8601 writes them. Depends on no other package of ours.
 */
package io.disputeflow.time;
