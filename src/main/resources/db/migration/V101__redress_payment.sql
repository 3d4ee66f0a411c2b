-- Redress paid, not just promised: the compensation a final decision grants is paid by the accounts
-- department (dept-accounts) by its due date; the case closes only once the payment is recorded.
-- status: DUE (to be paid), FAILED (the last attempt failed; back with the coordinator), PAID.
CREATE TABLE redress_payment (
  complaint_number VARCHAR(20)    NOT NULL PRIMARY KEY REFERENCES complaint (complaint_number),
  amount           NUMERIC(15, 2) NOT NULL,
  currency         VARCHAR(3)     NOT NULL,
  due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  status           VARCHAR(20)    NOT NULL,
  account          VARCHAR(64),
  attempts         INTEGER        DEFAULT 0 NOT NULL,
  last_failure     VARCHAR(2000),
  paid_at          TIMESTAMP WITH TIME ZONE,
  reference        VARCHAR(100),
  paid_by          VARCHAR(64),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
