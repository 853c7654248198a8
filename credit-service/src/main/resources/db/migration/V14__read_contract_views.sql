-- Issue 14 (read models own their queries): each module publishes what others may read of its
-- tables as a read-only view, its read contract, named <table>_read (subject_<table>_read for the
-- subject module's unit and person). The check and the public disclosure are read models: their
-- mappers read their own tables and these views, never another module's base table
-- (TableOwnershipTest). A view names exactly the columns its readers need, so the owner can change
-- anything else of its table freely; a migration that changes a column a view names recreates the
-- view in the same migration.
--
-- Each view is one table's columns and nothing else (no join, aggregate, DISTINCT, GROUP BY or
-- LIMIT), so MariaDB and MySQL merge it into the query that reads it (ALGORITHM = MERGE): the query
-- runs on the base table with its indexes, as before (EXPLAIN of the check's reads in
-- docs/licensing-check.md, "Read models"). SQL SECURITY INVOKER: a view reads with the rights of
-- whoever queries it, the service's own account, whichever account ran the migration.

-- listing (owner: listing). subject_key is the subject module's key: U:<uscc> or P:<keyed hash>.
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW listing_read AS
SELECT id, subject_type, subject_key, unit_id, person_id, criterion_code, department_code, state, decision_number,
       listed_from, listed_until
FROM listing;

-- listing_event (owner: listing): the append-only history, as much as an answer at a past instant needs.
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW listing_event_read AS
SELECT id, listing_id, kind, to_state, occurred_at
FROM listing_event;

-- unit and person (owner: subject): no contacts, no ciphertext of an ID number, no override reasons.
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW subject_unit_read AS
SELECT id, uscc, name
FROM unit;

CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW subject_person_read AS
SELECT id, id_hash, id_masked, name
FROM person;

-- violation (owner: violation): the case number key supervision is shown with.
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW violation_read AS
SELECT id, case_number
FROM violation;

-- follow_up (owner: followup): a case's key supervision (一案五制).
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW follow_up_read AS
SELECT violation_id, subject_key, department_code, supervision_from, supervision_until
FROM follow_up;

-- criterion and department (owner: catalogue): what the public list prints.
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW criterion_read AS
SELECT code, title, legal_basis
FROM criterion;

CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW department_read AS
SELECT code, name
FROM department;
