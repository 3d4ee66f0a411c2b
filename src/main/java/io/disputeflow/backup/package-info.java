/**
 * The online backup of the H2 file database ({@code POST /actuator/backup}); PostgreSQL is backed
 * up with its own tools (docs/operations/backup.md).
 */
package io.disputeflow.backup;
