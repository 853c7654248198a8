-- Issue 12, point 5: the State Council's holiday arrangements the credit office adds (a year the
-- seed file seeds/holidays.yaml does not hold yet, as each November's notice appears) or corrects
-- (with a reason). A year here wins over the seed file's. The whole arrangement of a year is one
-- JSON document (holiday periods with their names and 调休 working days), because a year is always
-- entered and replaced whole and never searched by day; the rules it keeps are checked before it
-- is written (platform's HolidayYear). revision counts the year's ADMIN actions; it travels with the
-- year to sanction-service (outbox event CALENDAR_YEAR_SET), which keeps only the newest.
CREATE TABLE calendar_year (
    year              SMALLINT     NOT NULL,
    revision          INT          NOT NULL,
    source            VARCHAR(200) NOT NULL,
    holidays          LONGTEXT     NOT NULL,
    set_by_department VARCHAR(32)  NOT NULL,
    set_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every ADMIN action on the calendar, append-only: who (department, role), when, which year and
-- revision, what it set, what it replaced (for a correction: the seed file's or an earlier
-- revision's arrangement) and why.
CREATE TABLE calendar_year_history (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    year              SMALLINT     NOT NULL,
    revision          INT          NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    source            VARCHAR(200) NOT NULL,
    holidays          LONGTEXT     NOT NULL,
    replaced_source   VARCHAR(200) NULL,
    replaced_holidays LONGTEXT     NULL,
    reason            VARCHAR(500) NULL,
    actor_department  VARCHAR(32)  NOT NULL,
    actor_role        VARCHAR(16)  NOT NULL,
    set_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_calendar_year_history_revision (year, revision)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
