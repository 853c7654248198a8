-- Issue 12 (procedure that holds up in review): every time the credit office sees a person's full
-- ID number, who, when, which person and why, append-only. The number itself is never stored here.
CREATE TABLE id_number_reveal (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    person_id        BIGINT       NOT NULL,
    actor_department VARCHAR(32)  NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    revealed_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_id_number_reveal_person (person_id, id),
    CONSTRAINT fk_id_number_reveal_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
