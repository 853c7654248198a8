-- Issue 13 (outside security probe).
--
-- 1. The register keeps a subject's name as decided: a violation no longer renames the unit or
--    person it names. What the case itself said is kept on the case (violation.unit_name,
--    violation_person.person_name); the registered name changes only through an explicit,
--    audited name change (subject_name_change: who, when, old name, new name, reason).
-- 2. Persons are addressed in the API by an opaque random id (person.public_id), never by the
--    sequential key, which let any department enumerate every person.

ALTER TABLE violation ADD COLUMN unit_name VARCHAR(200) NULL AFTER unit_id;
-- The name the case stated is in its first version: later versions (corrections) copied the
-- registered name, which another department's violation may already have overwritten.
UPDATE violation v
JOIN violation_version vv ON vv.violation_id = v.id AND vv.version = 1
SET v.unit_name = vv.unit_name;
-- A violation without a version cannot exist (both are written in one transaction); the
-- registered name is the best remaining fallback should one ever be found.
UPDATE violation v JOIN unit u ON u.id = v.unit_id SET v.unit_name = u.name WHERE v.unit_name IS NULL;
ALTER TABLE violation MODIFY unit_name VARCHAR(200) NOT NULL;

ALTER TABLE violation_person ADD COLUMN person_name VARCHAR(60) NULL AFTER person_id;
UPDATE violation_person vp JOIN person p ON p.id = vp.person_id SET vp.person_name = p.name;
ALTER TABLE violation_person MODIFY person_name VARCHAR(60) NOT NULL;

ALTER TABLE person ADD COLUMN public_id CHAR(36) NULL AFTER id;
UPDATE person SET public_id = UUID() WHERE public_id IS NULL;
ALTER TABLE person MODIFY public_id CHAR(36) NOT NULL;
ALTER TABLE person ADD UNIQUE KEY uk_person_public_id (public_id);

-- Append-only: every change of a registered name, with the acting department and the reason
-- (e.g. a new business licence, 营业执照变更). Exactly one of unit_id / person_id is set.
CREATE TABLE subject_name_change (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    subject_type     VARCHAR(8)   NOT NULL,
    unit_id          BIGINT       NULL,
    person_id        BIGINT       NULL,
    old_name         VARCHAR(200) NOT NULL,
    new_name         VARCHAR(200) NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    actor_department VARCHAR(32)  NOT NULL,
    actor_role       VARCHAR(16)  NOT NULL,
    changed_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_name_change_unit (unit_id, id),
    KEY ix_name_change_person (person_id, id),
    CONSTRAINT fk_name_change_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_name_change_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
