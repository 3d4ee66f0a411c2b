-- A process owner's deployment waiting for a second person's approval: it never enters the engine
-- until approved. The files are kept only while it waits (the engine holds them once deployed; a
-- refusal leaves nothing behind); the row stays as the record of who submitted and who decided.
CREATE TABLE pending_deployment (
  id            VARCHAR(36) PRIMARY KEY,
  name          VARCHAR(255) NOT NULL,
  source        VARCHAR(255),
  changed_only  BOOLEAN NOT NULL,
  submitted_by  VARCHAR(255) NOT NULL,
  submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  status        VARCHAR(16) NOT NULL,
  decided_by    VARCHAR(255),
  decided_at    TIMESTAMP WITH TIME ZONE,
  reason        VARCHAR(4000),
  deployment_id VARCHAR(64),
  CONSTRAINT pending_deployment_status CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED'))
);

CREATE TABLE pending_deployment_file (
  pending_deployment_id VARCHAR(36) NOT NULL REFERENCES pending_deployment (id),
  name                  VARCHAR(255) NOT NULL,
  content               BYTEA NOT NULL,
  PRIMARY KEY (pending_deployment_id, name)
);
