/**
 * The satisfaction survey and the customer's answer to a decision (accept, 核查, silence).
 */
package io.disputeflow.feedback;
