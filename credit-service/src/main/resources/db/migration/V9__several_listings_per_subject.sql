-- Issue 12, point 3 (several listings of one subject): a subject may be on the blacklist under
-- several listings at once — different cases, often different departments, each with its own
-- decision, period, repair and notices. The unique index on listed_key made a second department's
-- lawful listing fail (409 already-listed), and repairing the first would then have ended the
-- sanctions although a second qualifying case existed. One listing per case and subject stays
-- (uk_listing_violation_subject); the column that only served the dropped index goes with it.
ALTER TABLE listing DROP INDEX uk_listing_active_subject;
ALTER TABLE listing DROP COLUMN listed_key;
