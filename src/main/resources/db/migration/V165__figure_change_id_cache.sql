-- Every complaint change inserts a few report_figure_change rows. On H2 the identity's default cache of 32
-- values ran out every five complaints or so, and each refill wrote the sequence and committed the whole
-- store to the file (WRITE_DELAY=0): 11 % of an intake's CPU. With 1,000 a refill comes every 150-odd
-- complaints. The ids only need to be unique (the folder claims changes by fold_id, never by id order);
-- a crash at most skips the unused rest of the cached range. On PostgreSQL a session's cache is its own,
-- which is as harmless for these ids.
ALTER TABLE report_figure_change ALTER COLUMN id SET CACHE 1000;
