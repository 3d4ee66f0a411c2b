/**
 * Demo users, groups and Tasklist filters for {@code ./mvnw spring-boot:run}; refused on
 * PostgreSQL unless allowed.
 */
package io.disputeflow.demo;
