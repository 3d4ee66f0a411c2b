-- Regulation Z, 12 CFR 1026.13(c)(2): the card account's statement closing day (intake's billingCycle), and
-- which limit set the resolution deadline: TWO_BILLING_CYCLES, NINETY_DAYS, or NINETY_DAYS_WITHOUT_CYCLE
ALTER TABLE complaint ADD COLUMN billing_cycle_closing_day SMALLINT;
ALTER TABLE complaint ADD COLUMN resolution_limit VARCHAR(30);
