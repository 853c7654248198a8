-- Issue 20: the changes feed for approval systems (docs/credit-service.md, "The changes feed").
-- Owner of every table here: the changes module.

-- One row per subject per change of what the check answers about it, written in the transaction
-- of the change. seq is the feed's cursor. It is not AUTO_INCREMENT: auto-increment values are
-- taken when a row is inserted and commit in any order, so a reader could see 8 before 7 commits
-- and page past 7 for good. seq is taken from change_sequence instead (below), under a row lock
-- held until the writing transaction commits, so seqs commit in the order they are given and are
-- gap-free (a rolled-back change rolls its seq back with it).
--   subject_key: U:<uscc> or P:<keyed hash> (never a plain ID number)
--   kind:        what changed: the listing state it moved to (PROPOSED, NOTIFIED, LISTED, DROPPED,
--                EXPIRED, REPAIRED, RESTORED, REVOKED), KEY_SUPERVISION, or SUBJECT_REKEYED (a person
--                re-hashed under a new HMAC key: former_subject_key is its old key)
--   source:      which register changed: LISTING, KEY_SUPERVISION, SUBJECT_KEY (RED_LIST later)
--   status:      what the check answers today after the change (CLEAR, LISTED, PROPOSED)
CREATE TABLE subject_change (
    seq                BIGINT      NOT NULL,
    subject_key        VARCHAR(80) NOT NULL,
    subject_type       VARCHAR(8)  NOT NULL,
    kind               VARCHAR(32) NOT NULL,
    source             VARCHAR(24) NOT NULL,
    status             VARCHAR(12) NOT NULL,
    listing_id         BIGINT      NULL,
    former_subject_key VARCHAR(80) NULL,
    changed_at         DATETIME(3) NOT NULL,
    PRIMARY KEY (seq),
    KEY ix_subject_change_subject (subject_key, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The single counter row. Each writing transaction runs UPDATE change_sequence SET seq = seq + n
-- just before it commits (the last lock it takes, after the listing and subject-version rows, so
-- no lock cycle) and keeps the row locked until it commits: changes of the check answer commit one
-- transaction at a time, which is fine, as listing changes are rare.
CREATE TABLE change_sequence (
    id  TINYINT NOT NULL,
    seq BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

INSERT INTO change_sequence (id, seq) VALUES (1, 0);

-- What a department's approval system registered to re-screen: its own reference for a subject.
-- A person is kept only as keyed hash; while an HMAC key rotation runs, a watch is kept under the
-- person's key under every configured key (previous_key = 1 for the former ones), as the check
-- looks a person up under all of them; a re-hash moves or merges the rows onto the new key.
CREATE TABLE change_watch (
    department_code VARCHAR(32) NOT NULL,
    reference       VARCHAR(64) NOT NULL,
    subject_key     VARCHAR(80) NOT NULL,
    subject_type    VARCHAR(8)  NOT NULL,
    previous_key    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (department_code, reference, subject_key),
    KEY ix_change_watch_subject (subject_key, department_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every read of the feed: which department (and its roles) read which cursor range, how many
-- items, when, under which request id. Written in the transaction that reads the page, before the
-- answer leaves: a page that was answered was audited.
CREATE TABLE change_feed_read (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    department_code VARCHAR(32)  NOT NULL,
    caller_roles    VARCHAR(200) NOT NULL,
    request_id      VARCHAR(64)  NULL,
    after_seq       BIGINT       NOT NULL,
    next_seq        BIGINT       NOT NULL,
    first_seq       BIGINT       NULL,
    last_seq        BIGINT       NULL,
    item_count      INT          NOT NULL,
    watched_only    BOOLEAN      NOT NULL,
    read_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_change_feed_read_department_time (department_code, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
