/**
 * The complaint record every feature works on (table {@code complaint}, its stage and status),
 * case access, and the customer's actions the case waits for. Depends on nothing above {@code
 * security}.
 */
package io.disputeflow.complaint;
