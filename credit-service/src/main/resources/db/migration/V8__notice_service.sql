-- Issue 12 (procedure that holds up in review): the notice of intended listing (告知) is dated,
-- but the defence period runs from its service (送达) on the party: the day and the way it was
-- served are recorded with the listing, and the deadline is counted from that day. Listings
-- notified before this column have none (their deadline was counted from the notice date).
ALTER TABLE listing ADD COLUMN served_on DATE NULL AFTER notice_date;
ALTER TABLE listing ADD COLUMN service_method VARCHAR(24) NULL AFTER served_on;
