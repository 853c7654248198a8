-- The "一案五制" follow-up of each case (DESIGN §1, task 47): checklist reminders, typical-case
-- warning, the company's commitment, return visits, key supervision; and the obligations
-- checklist catalogue (seeds/checklist.yaml). follow_up* tables are owned by the followup
-- feature, checklist_item by the catalogue feature.

CREATE TABLE checklist_item (
    code        VARCHAR(16)  NOT NULL,
    sort_order  INT          NOT NULL,
    title       VARCHAR(200) NOT NULL,
    obligation  VARCHAR(1000) NOT NULL,
    legal_basis VARCHAR(300) NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One follow-up plan per case (violation), opened when the violation is recorded. subject_key,
-- area_code and criterion_code are copied from the case so that the check (key supervision) and
-- the repeat report read one table.
CREATE TABLE follow_up (
    violation_id          BIGINT        NOT NULL,
    department_code       VARCHAR(16)   NOT NULL,
    subject_key           VARCHAR(80)   NOT NULL,
    area_code             CHAR(6)       NOT NULL,
    criterion_code        VARCHAR(16)   NOT NULL,
    case_date             DATE          NOT NULL,
    supervision_from      DATE          NOT NULL,
    supervision_until     DATE          NOT NULL,
    typical               BOOLEAN       NOT NULL,
    typical_warning       VARCHAR(1000) NULL,
    typical_since         DATETIME(3)   NULL,
    commitment_signed_on  DATE          NULL,
    commitment_text       VARCHAR(4000) NULL,
    commitment_document   VARCHAR(200)  NULL,
    commitment_recorded_by VARCHAR(16)  NULL,
    commitment_recorded_at DATETIME(3)  NULL,
    opened_at             DATETIME(3)   NOT NULL,
    PRIMARY KEY (violation_id),
    KEY ix_follow_up_supervision (subject_key, supervision_until),
    KEY ix_follow_up_department_supervision (department_code, supervision_until),
    KEY ix_follow_up_typical (typical, typical_since),
    CONSTRAINT fk_follow_up_violation FOREIGN KEY (violation_id) REFERENCES violation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Return visits, scheduled at plan opening (credit.follow-up.visit-offsets); a visit is recorded
-- once, with its outcome. department_code is copied for the overdue list per department.
CREATE TABLE follow_up_visit (
    violation_id    BIGINT        NOT NULL,
    n               INT           NOT NULL,
    department_code VARCHAR(16)   NOT NULL,
    due_on          DATE          NOT NULL,
    visited_on      DATE          NULL,
    outcome         VARCHAR(16)   NULL,
    note            VARCHAR(1000) NULL,
    recorded_by     VARCHAR(16)   NULL,
    recorded_at     DATETIME(3)   NULL,
    PRIMARY KEY (violation_id, n),
    KEY ix_visit_open (visited_on, due_on),
    KEY ix_visit_department_open (department_code, visited_on, due_on),
    CONSTRAINT fk_visit_follow_up FOREIGN KEY (violation_id) REFERENCES follow_up (violation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Obligation checklists sent to the unit (清单提醒); items are checklist_item codes, comma-separated.
CREATE TABLE follow_up_reminder (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    violation_id BIGINT        NOT NULL,
    sent_on      DATE          NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    items        VARCHAR(1000) NOT NULL,
    note         VARCHAR(1000) NULL,
    recorded_by  VARCHAR(16)   NOT NULL,
    recorded_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_reminder_case (violation_id, id),
    CONSTRAINT fk_reminder_follow_up FOREIGN KEY (violation_id) REFERENCES follow_up (violation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Append-only history of every follow-up step (like listing_event).
CREATE TABLE follow_up_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    violation_id     BIGINT        NOT NULL,
    kind             VARCHAR(24)   NOT NULL,
    actor_department VARCHAR(32)   NOT NULL,
    actor_role       VARCHAR(16)   NOT NULL,
    occurred_at      DATETIME(3)   NOT NULL,
    detail           VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_follow_up_event_case (violation_id, id),
    CONSTRAINT fk_follow_up_event FOREIGN KEY (violation_id) REFERENCES follow_up (violation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
