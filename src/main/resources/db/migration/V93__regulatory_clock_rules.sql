-- Regulation Z: when the written acknowledgement of a billing-error notice is due (deadline-policy acknowledgeWithin)
ALTER TABLE complaint ADD COLUMN acknowledgement_due_at TIMESTAMP WITH TIME ZONE;
-- Regulation E: the period, counted from the decision, within which its result is reported (reportResultWithin)
ALTER TABLE complaint ADD COLUMN report_result_within VARCHAR(20);
-- what intake was told of an electronic fund transfer: NEW_ACCOUNT, POINT_OF_SALE, FOREIGN_INITIATED
ALTER TABLE complaint ADD COLUMN transfer_facts VARCHAR(60);
-- when the decision period last started: receipt, or the receipt of a repeat complaint with new facts
ALTER TABLE complaint ADD COLUMN period_started_at TIMESTAMP WITH TIME ZONE;
-- a repeat complaint joined to its open case: whether it brought new facts (null: joined before this was asked),
-- and how it moved the decision deadline
ALTER TABLE complaint_submission ADD COLUMN new_facts BOOLEAN;
ALTER TABLE complaint_submission ADD COLUMN previous_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_submission ADD COLUMN restarted_due_at TIMESTAMP WITH TIME ZONE;
-- Regulation E, 12 CFR 1005.11(c)(2)(i): the provisional credit that allows the longer period (45 or 90 days)
ALTER TABLE complaint ADD COLUMN provisional_credit_amount NUMERIC(15, 2);
ALTER TABLE complaint ADD COLUMN provisional_credit_currency VARCHAR(3);
ALTER TABLE complaint ADD COLUMN provisionally_credited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN provisional_credit_recorded_by VARCHAR(64);
