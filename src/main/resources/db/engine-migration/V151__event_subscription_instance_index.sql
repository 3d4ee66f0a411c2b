-- The case a complaint's answer describes says which customer messages it waits for (complaint/AwaitedActions):
-- the message subscriptions of each of its process instances. Camunda's schema has no index on an event
-- subscription's process instance, so every intake, and every read of a case, scanned the subscriptions
-- of all open cases (a flight recording of the intake benchmark: 2 % of a complaint's CPU at a few hundred
-- open cases, growing with them). Measured in docs/benchmarks.md (Intake's CPU, where it goes).
CREATE INDEX IF NOT EXISTS DF_IDX_EVENT_SUBSCR_PROC_INST ON ACT_RU_EVENT_SUBSCR (PROC_INST_ID_, EVENT_TYPE_);
