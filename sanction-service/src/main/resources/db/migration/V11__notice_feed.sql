-- Pull feeds (docs/sanction-service.md, "Pull feeds"): every notice gets a sequence number within
-- its department, the cursor a department reads its feed with.
--
-- Why not the notice's created_at or an AUTO_INCREMENT id: they are taken when a row is written and
-- become visible at commit, and transactions commit out of order, so a reader past 10 could miss 9
-- committed later. The sequence is instead taken from the department's row in department_feed,
-- incremented in the transaction that writes the notice: the row stays locked (X lock) until that
-- transaction ends, so the transaction taking n + 1 waits until the one holding n has committed (or
-- rolled back, giving n back). Number n + 1 therefore never becomes visible before n: a reader that
-- has seen n + 1 has seen everything before it, and a cursor skips and repeats nothing.
CREATE TABLE department_feed (
    department_code VARCHAR(32) NOT NULL,
    -- The last sequence number given to a notice of this department (0: none yet).
    last_seq        BIGINT      NOT NULL,
    -- How far the department has acknowledged its feed (POST /api/v1/notices/feed/ack): monotonic.
    acked_seq       BIGINT      NOT NULL DEFAULT 0,
    acked_at        DATETIME(3) NULL,
    PRIMARY KEY (department_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE notice ADD COLUMN feed_seq BIGINT NULL;

-- Notices issued before this migration: numbered in the order they were created, per department.
UPDATE notice n
    JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY department_code ORDER BY created_at, id) AS seq
          FROM notice) numbered ON numbered.id = n.id
SET n.feed_seq = numbered.seq;

INSERT INTO department_feed (department_code, last_seq, acked_seq)
SELECT department_code, MAX(feed_seq), 0 FROM notice GROUP BY department_code;

ALTER TABLE notice MODIFY feed_seq BIGINT NOT NULL;
-- The feed's read path: a department's notices after a cursor, in order.
CREATE UNIQUE INDEX uk_notice_feed ON notice (department_code, feed_seq);

-- Who read or acknowledged which part of which department's feed (ADMIN: GET /api/v1/notices/feed/access).
CREATE TABLE feed_access (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    department_code   VARCHAR(32)  NOT NULL,
    caller_department VARCHAR(32)  NOT NULL,
    caller_roles      VARCHAR(200) NOT NULL,
    action            VARCHAR(10)  NOT NULL,
    after_seq         BIGINT       NOT NULL,
    through_seq       BIGINT       NOT NULL,
    notices           INT          NOT NULL,
    at                DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_feed_access_department (department_code, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
