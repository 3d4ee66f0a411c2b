-- The operations gauges (docs/operations/metrics.md) read open rows only, through indexes holding every
-- column they read, so a scrape costs the same with a million closed cases as with none.
-- Open cases by stage and clock state: a range of status OPEN and AWAITING_CUSTOMER. This index starts
-- with the columns of ix_complaint_status_stage, which it replaces.
DROP INDEX ix_complaint_status_stage;
CREATE INDEX ix_complaint_open_clock ON complaint (status, stage, regime, decided_at, clock_paused_since,
  decision_due_at, decision_warning_at);
-- The outbox: letters by status, and the oldest one waiting (one index lookup per status).
CREATE INDEX ix_letter_status_created ON letter (status, created_at);
