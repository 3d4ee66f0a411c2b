/**
 * Letters to customers: templates per regime and language, the outbox, delivery with retries,
 * printed letters and undelivered ones.
 */
package io.disputeflow.correspondence;
