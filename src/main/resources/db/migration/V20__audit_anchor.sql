-- Tamper evidence of the audit timeline (io.disputeflow.audit): when a case closes, the hash of
-- every timeline entry is kept here. Verification recomputes the chain from the history tables
-- and compares it with these rows; the version number leaves room for other features' migrations.
CREATE TABLE audit_anchor (
  complaint_number VARCHAR(20)              NOT NULL PRIMARY KEY REFERENCES complaint (complaint_number),
  entry_count      INTEGER                  NOT NULL,
  head_hash        VARCHAR(64)              NOT NULL,
  anchored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_anchor_entry (
  complaint_number VARCHAR(20)              NOT NULL REFERENCES audit_anchor (complaint_number),
  seq              INTEGER                  NOT NULL,
  entry_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  entry_type       VARCHAR(40)              NOT NULL,
  entry_hash       VARCHAR(64)              NOT NULL,
  PRIMARY KEY (complaint_number, seq)
);
