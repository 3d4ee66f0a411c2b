-- Who registered a complaint in Tasklist (a coordinator or a branch-desk user); NULL when a channel
-- system submitted it through the API. A submission an open case took in records it too.
ALTER TABLE complaint ADD COLUMN registered_by VARCHAR(64);
ALTER TABLE complaint_submission ADD COLUMN registered_by VARCHAR(64);
