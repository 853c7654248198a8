-- The blacklist: catalogues, subjects, violations (versioned), listings and their append-only
-- history, repair applications and objections. Owned by credit-service.

CREATE TABLE department (
    code       VARCHAR(16)  NOT NULL,
    name       VARCHAR(60)  NOT NULL,
    full_name  VARCHAR(120) NOT NULL,
    roles      VARCHAR(120) NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE criterion (
    code                VARCHAR(16)  NOT NULL,
    situation           INT          NOT NULL,
    title               VARCHAR(200) NOT NULL,
    legal_basis         VARCHAR(300) NOT NULL,
    accident_related    BOOLEAN      NOT NULL,
    lists_unit          BOOLEAN      NOT NULL,
    lists_principal     BOOLEAN      NOT NULL,
    lists_other_persons BOOLEAN      NOT NULL,
    count_threshold     INT          NULL,
    window_months       INT          NULL,
    enabled             BOOLEAN      NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE unit (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    uscc                  CHAR(18)     NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    area_code             CHAR(6)      NOT NULL,
    check_override_by     VARCHAR(16)  NULL,
    check_override_reason VARCHAR(300) NULL,
    created_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_unit_uscc (uscc),
    KEY ix_unit_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A person's ID number is kept only as a keyed hash (lookup), AES-GCM ciphertext (authorised
-- display) and its masked form.
CREATE TABLE person (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    id_hash    CHAR(64)      NOT NULL,
    id_cipher  VARCHAR(200)  NOT NULL,
    id_masked  CHAR(18)      NOT NULL,
    name       VARCHAR(60)   NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_person_hash (id_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE violation (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    department_code VARCHAR(16) NOT NULL,
    case_number     VARCHAR(64) NOT NULL,
    unit_id         BIGINT      NOT NULL,
    criterion_code  VARCHAR(16) NOT NULL,
    current_version INT         NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_violation_case (department_code, case_number),
    KEY ix_violation_unit_criterion (unit_id, criterion_code),
    CONSTRAINT fk_violation_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_violation_criterion FOREIGN KEY (criterion_code) REFERENCES criterion (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every version of a penalty decision; a correction adds a row, nothing is overwritten.
CREATE TABLE violation_version (
    violation_id      BIGINT        NOT NULL,
    version           INT           NOT NULL,
    decision_number   VARCHAR(80)   NOT NULL,
    decision_date     DATE          NOT NULL,
    description       VARCHAR(2000) NOT NULL,
    fine_amount       DECIMAL(14, 2) NOT NULL,
    unit_name         VARCHAR(200)  NOT NULL,
    correction_reason VARCHAR(500)  NULL,
    recorded_by       VARCHAR(16)   NOT NULL,
    recorded_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (violation_id, version),
    KEY ix_violation_version_date (decision_date),
    CONSTRAINT fk_version_violation FOREIGN KEY (violation_id) REFERENCES violation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE violation_person (
    violation_id   BIGINT      NOT NULL,
    person_id      BIGINT      NOT NULL,
    responsibility VARCHAR(16) NOT NULL,
    PRIMARY KEY (violation_id, person_id),
    CONSTRAINT fk_vp_violation FOREIGN KEY (violation_id) REFERENCES violation (id),
    CONSTRAINT fk_vp_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A retried POST with the same Idempotency-Key returns the original record.
CREATE TABLE idempotency_record (
    department_code VARCHAR(16)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    violation_id    BIGINT       NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (department_code, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Listings of one violation (the unit and its responsible persons) are linked as joint liability.
-- listed_key is the subject key while the listing is on the list (LISTED/RESTORED) and NULL
-- otherwise: the unique index makes two active listings of one subject impossible.
CREATE TABLE listing (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    subject_type      VARCHAR(8)   NOT NULL,
    subject_key       VARCHAR(80)  NOT NULL,
    unit_id           BIGINT       NULL,
    person_id         BIGINT       NULL,
    violation_id      BIGINT       NOT NULL,
    criterion_code    VARCHAR(16)  NOT NULL,
    department_code   VARCHAR(16)  NOT NULL,
    state             VARCHAR(12)  NOT NULL,
    proposed_at       DATETIME(3)  NOT NULL,
    notice_date       DATE         NULL,
    defence_deadline  DATE         NULL,
    decision_number   VARCHAR(80)  NULL,
    listed_from       DATE         NULL,
    listed_until      DATE         NULL,
    ended_on          DATE         NULL,
    listed_key        VARCHAR(80)  NULL,
    version           INT          NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_listing_violation_subject (violation_id, subject_key),
    UNIQUE KEY uk_listing_active_subject (listed_key),
    KEY ix_listing_subject (subject_key),
    KEY ix_listing_state_until (state, listed_until),
    KEY ix_listing_department_state (department_code, state),
    CONSTRAINT fk_listing_violation FOREIGN KEY (violation_id) REFERENCES violation (id),
    CONSTRAINT fk_listing_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_listing_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Append-only history of everything that happened to a listing.
CREATE TABLE listing_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    listing_id    BIGINT        NOT NULL,
    kind          VARCHAR(24)   NOT NULL,
    from_state    VARCHAR(12)   NULL,
    to_state      VARCHAR(12)   NOT NULL,
    actor_department VARCHAR(32) NOT NULL,
    actor_role    VARCHAR(16)   NOT NULL,
    occurred_at   DATETIME(3)   NOT NULL,
    reason        VARCHAR(1000) NULL,
    evidence      VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    KEY ix_listing_event_listing (listing_id, id),
    KEY ix_listing_event_time (occurred_at),
    CONSTRAINT fk_event_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE repair_application (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    listing_id         BIGINT        NOT NULL,
    state              VARCHAR(12)   NOT NULL,
    penalty_fulfilled  BOOLEAN       NOT NULL,
    rectified          BOOLEAN       NOT NULL,
    credit_commitment  BOOLEAN       NOT NULL,
    training_completed BOOLEAN       NOT NULL,
    evidence           VARCHAR(2000) NULL,
    applied_by         VARCHAR(16)   NOT NULL,
    applied_at         DATETIME(3)   NOT NULL,
    decided_by         VARCHAR(16)   NULL,
    decided_at         DATETIME(3)   NULL,
    decision_reason    VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_repair_state (state, applied_at),
    KEY ix_repair_listing (listing_id),
    CONSTRAINT fk_repair_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE objection (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    listing_id  BIGINT        NOT NULL,
    filed_by    VARCHAR(120)  NOT NULL,
    content     VARCHAR(2000) NOT NULL,
    recorded_by VARCHAR(16)   NOT NULL,
    filed_at    DATETIME(3)   NOT NULL,
    answer_due  DATE          NOT NULL,
    answer      VARCHAR(2000) NULL,
    outcome     VARCHAR(16)   NULL,
    answered_by VARCHAR(16)   NULL,
    answered_at DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY ix_objection_open (answered_at, answer_due),
    KEY ix_objection_listing (listing_id),
    CONSTRAINT fk_objection_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
