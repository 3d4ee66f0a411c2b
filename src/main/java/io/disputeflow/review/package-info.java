/**
 * The department review stage's delegates and listeners.
 */
package io.disputeflow.review;
