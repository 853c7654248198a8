-- Issue 12, point 2 (rotating the HMAC key of the personal lookup hash). A person's subject key is
-- P:<HMAC of the ID number>; the re-hash under a new key moves the person, its listings, its
-- subject version and its pending events to the new key. Check audit rows are evidence and are not
-- rewritten: the person's former keys are kept here, so that the audit search by ID number still
-- finds the checks made under a former key once that key is gone from the configuration.
CREATE TABLE person_former_key (
    person_id   BIGINT      NOT NULL,
    subject_key VARCHAR(80) NOT NULL,
    key_id      CHAR(16)    NOT NULL,
    replaced_at DATETIME(3) NOT NULL,
    PRIMARY KEY (person_id, subject_key),
    KEY ix_person_former_key_subject (subject_key),
    CONSTRAINT fk_person_former_key_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
