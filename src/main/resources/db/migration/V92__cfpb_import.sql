-- Background imports of a regulator's file: the file itself and how far its import got, so any node can
-- continue it after a crash or restart. Rows are imported in batches, each batch one transaction with
-- its progress below (cfpb_import_batch): after a crash the import continues with the batches not committed.
CREATE TABLE cfpb_import (
  id                 VARCHAR(36)   PRIMARY KEY,
  status             VARCHAR(10)   NOT NULL,
  -- the file as received, decoded (its charset from the request)
  content            TEXT          NOT NULL,
  layout             INTEGER       NOT NULL,
  rows_total         INTEGER       NOT NULL,
  -- data rows handled so far (the rows of the committed batches)
  processed          INTEGER       NOT NULL,
  -- rows a batch, fixed when the file is stored: batch n holds rows n * batch_size + 1 ...
  batch_size         INTEGER       NOT NULL,
  created            INTEGER       NOT NULL,
  already_imported   INTEGER       NOT NULL,
  merged             INTEGER       NOT NULL,
  rejected           INTEGER       NOT NULL,
  without_narrative  INTEGER       NOT NULL,
  -- weeks added to every receipt date (the demo's import only)
  shift_weeks        INTEGER       NOT NULL,
  -- the user or channel system that posted the file: the engine's history names it as the cases' starter
  started_by         VARCHAR(64),
  started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at        TIMESTAMP WITH TIME ZONE,
  -- time spent importing (all nodes, all runs): the rate is processed / this
  busy_millis        BIGINT        NOT NULL,
  failure            VARCHAR(2000),
  -- the node that holds the import and until when; another node may take it over once that has passed
  lease_owner        VARCHAR(100),
  lease_until        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_cfpb_import_status ON cfpb_import (status, lease_until);

-- the committed batches, by their first row (0 = the first after the header): a batch is recorded once
CREATE TABLE cfpb_import_batch (
  import_id     VARCHAR(36)   NOT NULL REFERENCES cfpb_import (id),
  first_row     INTEGER       NOT NULL,
  PRIMARY KEY (import_id, first_row)
);

-- rows that were rejected (ERROR) or changed to be accepted (WARNING)
CREATE TABLE cfpb_import_problem (
  import_id     VARCHAR(36)   NOT NULL REFERENCES cfpb_import (id),
  kind          VARCHAR(10)   NOT NULL,
  row_no        INTEGER       NOT NULL,
  line_no       BIGINT        NOT NULL,
  complaint_id  VARCHAR(100),
  field         VARCHAR(100),
  message       VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_cfpb_import_problem ON cfpb_import_problem (import_id, kind, row_no);
