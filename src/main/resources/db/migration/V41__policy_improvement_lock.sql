-- One row per department and root cause that ever closed a complaint: the closing transactions of
-- that pair lock it (SELECT ... FOR UPDATE) before counting and opening or joining an improvement,
-- so concurrent closings neither open two improvements nor miss the threshold between them.
CREATE TABLE policy_improvement_lock (
  open_key VARCHAR(80) PRIMARY KEY
);
