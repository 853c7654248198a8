-- Listing events already taken in from credit-service, by their stable event id: a redelivered
-- event is recognised here and causes nothing twice (idempotent receiver, DESIGN §4).
CREATE TABLE received_event (
    event_id    CHAR(36)    NOT NULL,
    event_type  VARCHAR(40) NOT NULL,
    subject_key VARCHAR(64) NOT NULL,
    received_at DATETIME(3) NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
