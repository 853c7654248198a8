-- Whether notices are pushed to a department's endpoint, apart from department.enabled (which
-- decides whether the department gets notices at all). No row: enabled, never failed. An endpoint
-- is disabled when it answers 410 Gone (reason GONE), when every round has failed for
-- sanction.delivery.disable-after-failing-for (FAILING), or by ADMIN (ADMIN); its notices then
-- wait, QUEUED, until ADMIN enables it again. failing_since: the first failed round since the last
-- delivery (NULL while it delivers).
CREATE TABLE endpoint_state (
    department_code  VARCHAR(32)   NOT NULL,
    enabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason  VARCHAR(10)   NULL,
    disabled_at      DATETIME(3)   NULL,
    failing_since    DATETIME(3)   NULL,
    last_failure_at  DATETIME(3)   NULL,
    last_success_at  DATETIME(3)   NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (department_code),
    KEY ix_endpoint_state_disabled (enabled, disabled_reason),
    CONSTRAINT fk_endpoint_state_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What ADMIN is told: each time an endpoint is disabled (and why) or enabled again, written in
-- the transaction that changes endpoint_state.
CREATE TABLE endpoint_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    department_code  VARCHAR(32)   NOT NULL,
    kind             VARCHAR(10)   NOT NULL,
    reason           VARCHAR(10)   NULL,
    http_status      INT           NULL,
    detail           VARCHAR(500)  NULL,
    actor            VARCHAR(80)   NOT NULL,
    occurred_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_endpoint_event_department (department_code, id),
    CONSTRAINT fk_endpoint_event_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
