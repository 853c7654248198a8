-- A person's subject key is "P:" + a keyed hash: longer than the 64 characters first allowed.
ALTER TABLE received_event MODIFY subject_key VARCHAR(100) NOT NULL;

-- One sanction case per listing; one notice per department per case and kind (start / end).
CREATE TABLE sanction_case (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    listing_id          BIGINT        NOT NULL,
    subject_type        VARCHAR(10)   NOT NULL,
    subject_key         VARCHAR(100)  NOT NULL,
    subject_name        VARCHAR(200)  NOT NULL,
    subject_code        VARCHAR(40)   NOT NULL,
    criterion_code      VARCHAR(32)   NULL,
    criterion_title     VARCHAR(300)  NULL,
    decision_number     VARCHAR(100)  NULL,
    deciding_department VARCHAR(32)   NULL,
    listed_from         DATE          NULL,
    listed_until        DATE          NULL,
    related_listing_ids VARCHAR(500)  NULL,
    status              VARCHAR(10)   NOT NULL,
    end_cause           VARCHAR(20)   NULL,
    started_at          DATETIME(3)   NOT NULL,
    ended_at            DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sanction_case_listing (listing_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A notice carries its body as sent (so every retry sends the same bytes) and its delivery
-- state: QUEUED → IN_FLIGHT (leased by one dispatcher) → DELIVERED, or REJECTED (4xx, flagged
-- for ADMIN), or DEAD after the schedule; PULL when the department has no endpoint.
CREATE TABLE notice (
    id               CHAR(36)      NOT NULL,
    case_id          BIGINT        NOT NULL,
    listing_id       BIGINT        NOT NULL,
    department_code  VARCHAR(32)   NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    event_id         CHAR(36)      NOT NULL,
    measure_codes    VARCHAR(1000) NOT NULL,
    body             MEDIUMTEXT    NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    failed_rounds    INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NULL,
    lease_owner      VARCHAR(80)   NULL,
    lease_until      DATETIME(3)   NULL,
    last_http_status INT           NULL,
    last_reason      VARCHAR(500)  NULL,
    flagged          BOOLEAN       NOT NULL DEFAULT FALSE,
    delivered_at     DATETIME(3)   NULL,
    dead_at          DATETIME(3)   NULL,
    acknowledged_at  DATETIME(3)   NULL,
    feedback_due_on  DATE          NOT NULL,
    feedback_at      DATETIME(3)   NULL,
    created_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notice_event_department (event_id, department_code),
    KEY ix_notice_case (case_id, kind),
    KEY ix_notice_due (status, next_attempt_at),
    KEY ix_notice_department (department_code, status),
    KEY ix_notice_listing (listing_id),
    CONSTRAINT fk_notice_case FOREIGN KEY (case_id) REFERENCES sanction_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every HTTP call made for a notice, successful or not.
CREATE TABLE delivery_attempt (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    notice_id    CHAR(36)      NOT NULL,
    attempt_no   INT           NOT NULL,
    dispatcher   VARCHAR(80)   NOT NULL,
    started_at   DATETIME(3)   NOT NULL,
    finished_at  DATETIME(3)   NOT NULL,
    http_status  INT           NULL,
    outcome      VARCHAR(12)   NOT NULL,
    reason       VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    KEY ix_delivery_attempt_notice (notice_id, attempt_no),
    CONSTRAINT fk_delivery_attempt_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What a department reports it applied (or lifted) per measure of a notice.
CREATE TABLE notice_feedback (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    notice_id        CHAR(36)      NOT NULL,
    measure_code     VARCHAR(32)   NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    reference_number VARCHAR(100)  NULL,
    outcome_date     DATE          NULL,
    note             VARCHAR(1000) NULL,
    reported_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notice_feedback_measure (notice_id, measure_code),
    CONSTRAINT fk_notice_feedback_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
