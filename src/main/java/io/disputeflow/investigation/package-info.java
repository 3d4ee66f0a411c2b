/**
 * The investigation stage's delegates and listeners.
 */
package io.disputeflow.investigation;
