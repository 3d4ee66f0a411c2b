/**
 * Our tables' schema over the product's releases: what Flyway needs beyond the migrations in
 * {@code db/migration} to upgrade an existing database, such as accepting released migrations whose
 * comments were corrected afterwards ({@link io.disputeflow.schema.CorrectedMigrations}). Depends on
 * nothing of ours.
 */
package io.disputeflow.schema;
