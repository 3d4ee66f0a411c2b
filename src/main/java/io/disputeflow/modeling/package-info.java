/**
 * What process owners deploy: deployment validation, the expression sandbox, process versions and
 * migration.
 */
package io.disputeflow.modeling;
