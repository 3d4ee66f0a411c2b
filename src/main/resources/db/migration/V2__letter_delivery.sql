-- Letters are rendered when queued and delivered by e-mail from this table (a transactional outbox).
ALTER TABLE letter ADD COLUMN subject VARCHAR(300);
ALTER TABLE letter ADD COLUMN body TEXT;
-- delivery attempts so far; with status SENDING also the claim a sending node holds
ALTER TABLE letter ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
-- QUEUED: not before this time (back-off); SENDING: the claim's lease ends (its node may have died)
ALTER TABLE letter ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE letter ADD COLUMN last_error VARCHAR(1000);
ALTER TABLE letter ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE letter ADD COLUMN message_id VARCHAR(300);

-- Letters queued before this version were never rendered: there is nothing to send.
UPDATE letter SET status = 'FAILED', last_error = 'Queued before letters were rendered; no content to send'
  WHERE status = 'QUEUED';

CREATE INDEX ix_letter_due ON letter (status, next_attempt_at);
