/**
 * The legal consultation stage's delegates and listeners.
 */
package io.disputeflow.legal;
