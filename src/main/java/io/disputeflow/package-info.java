/**
 * DisputeFlow: a bank's complaint and dispute-resolution workflow on the Camunda 7 engine. This package holds
 * only the Spring Boot application; each sub-package is one feature or one piece of the shared core, and
 * docs/design.md draws how they depend on each other (features on the complaint record and the shared core,
 * never back).
 */
package io.disputeflow;
