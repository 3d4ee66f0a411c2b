-- Indexes on the engine's tables for Tasklist's group filters (My group, Due today, Overdue, ...) at 100,000 open
-- tasks: the engine's task query joins ACT_RU_IDENTITYLINK for the candidate groups and sorts by due date, and
-- Camunda's schema has an index for neither. Run by process/EngineTableMigrations after the engine created its
-- tables; IF NOT EXISTS so an operator may build them beforehand (CREATE INDEX CONCURRENTLY on PostgreSQL).
-- Measured in docs/benchmarks.md (Tasklist at 100,000 open tasks).

-- The page of 50 sorted by due date (then priority, as every filter of ours sorts): read in index order and
-- stop after 50, instead of sorting every open task.
CREATE INDEX IF NOT EXISTS DF_IDX_TASK_DUE_PRIORITY ON ACT_RU_TASK (DUE_DATE_, PRIORITY_ DESC);
-- A group's candidate links with their task ids, from the index alone (the engine's ACT_IDX_IDENT_LNK_GROUP
-- holds the group only, so each link was read from the table).
CREATE INDEX IF NOT EXISTS DF_IDX_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
