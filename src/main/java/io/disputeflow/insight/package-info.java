/**
 * What complaints teach: root causes, policy improvements, early warnings, reports and the CFPB
 * import.
 */
package io.disputeflow.insight;
