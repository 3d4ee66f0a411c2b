/**
 * What operations watch: the metrics Prometheus scrapes that are read from the database and the engine
 * (open cases by stage and clock state, the letter outbox, the job backlog, incidents) and the job
 * executor's counters, and the health components behind readiness and the health details. Reads the
 * features' tables; none of them depends on it (each feature counts its own events).
 */
package io.disputeflow.operations;
