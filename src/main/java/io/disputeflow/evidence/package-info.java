/**
 * Evidence documents of a case: upload, storage with checksums, download, and the documents page
 * opened from Tasklist.
 */
package io.disputeflow.evidence;
