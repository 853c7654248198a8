-- Events for the sanction side, written in the same transaction as the listing change they
-- describe and relayed at least once, in order per subject (DESIGN §4, transactional outbox).
CREATE TABLE outbox_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    event_id        CHAR(36)     NOT NULL,
    subject_key     VARCHAR(80)  NOT NULL,
    event_type      VARCHAR(40)  NOT NULL,
    payload         LONGTEXT     NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    published_at    DATETIME(3)  NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL,
    last_error      VARCHAR(500) NULL,
    -- set when the receiver rejected the event as malformed (4xx): no more retries, shown to ADMIN
    parked_at       DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_pending (published_at, next_attempt_at),
    KEY ix_outbox_subject (subject_key, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
