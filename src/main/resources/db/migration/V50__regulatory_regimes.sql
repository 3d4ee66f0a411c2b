-- A complaint's contest window (核查 request, Ombudsman referral, CFPB feedback) counts from the customer's
-- receipt of the decision: the period of its regime's policy row, and when each posted letter was delivered.
ALTER TABLE complaint ADD COLUMN contest_within VARCHAR(20);
-- a printed letter's recorded delivery (POST .../letters/{id}/delivery); without one it is deemed
-- delivered disputeflow.mail.deemed-delivery after it was posted
ALTER TABLE letter ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE letter ADD COLUMN delivery_recorded_by VARCHAR(64);
