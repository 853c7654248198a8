-- The licensing check (DESIGN §4): a per-subject version that every listing change bumps in its
-- own transaction (it guards the Redis cache against stale fills), and the audit of every check,
-- which also stores the signed receipt.

CREATE TABLE subject_version (
    subject_key VARCHAR(80) NOT NULL,
    version     BIGINT      NOT NULL,
    PRIMARY KEY (subject_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per answered check. subject_key is U:<uscc> or P:<keyed hash>: never a plain ID number.
CREATE TABLE check_audit (
    receipt_id       CHAR(36)      NOT NULL,
    department_code  VARCHAR(32)   NOT NULL,
    subject_key      VARCHAR(80)   NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    source           VARCHAR(12)   NOT NULL,
    as_of            DATETIME(3)   NULL,
    checked_at       DATETIME(3)   NOT NULL,
    canonical        VARCHAR(4000) NOT NULL,
    signature        VARCHAR(120)  NOT NULL,
    key_id           VARCHAR(40)   NOT NULL,
    PRIMARY KEY (receipt_id),
    KEY ix_check_audit_department_time (department_code, checked_at),
    KEY ix_check_audit_subject_time (subject_key, checked_at),
    KEY ix_check_audit_time (checked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
