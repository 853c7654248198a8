-- Issue 12, point 5: the years of the holiday calendar that the credit office added or corrected in
-- credit-service, as they arrived here (event CALENDAR_YEAR_SET, through credit-service's outbox).
-- A year here wins over the seed file seeds/holidays.yaml, which both services ship. Only the
-- newest revision of a year is kept: events of one year come in order, and an older one arriving
-- late (a redelivery) changes nothing. The arrangement is one JSON document, as in credit-service.
CREATE TABLE calendar_year (
    year        SMALLINT     NOT NULL,
    revision    INT          NOT NULL,
    source      VARCHAR(200) NOT NULL,
    holidays    LONGTEXT     NOT NULL,
    set_by      VARCHAR(32)  NULL,
    set_at      DATETIME(3)  NOT NULL,
    event_id    CHAR(36)     NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
