/**
 * What every log line of a case carries: the complaint number and the acting user (the MDC, set by
 * requests, intake and background imports), and the logging setup's own condition (plain text or JSON).
 * Depends on nothing of ours; the masking of personal data lives with the rest of it in security.
 */
package io.disputeflow.logging;
