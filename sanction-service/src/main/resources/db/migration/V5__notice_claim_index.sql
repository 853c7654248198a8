-- The dispatcher's claim (DeliveryMapper.lockDue) orders due notices by (next_attempt_at, id) and
-- takes the first few. With only ix_notice_due (status, next_attempt_at) and two statuses in the
-- condition, MariaDB sorted every due row on each claim: with a backlog of 27,000 notices
-- (faults/notice-chaos.sh) that held delivery to about 14 per second. Walking this index in order
-- and stopping after LIMIT rows gave about 470 per second on the same backlog. Delivered and dead
-- notices have no next_attempt_at, so the index holds little besides what is pending.
CREATE INDEX ix_notice_next ON notice (next_attempt_at, id);
