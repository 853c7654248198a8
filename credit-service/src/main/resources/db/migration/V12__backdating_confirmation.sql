-- Issue 12, point 6: a notice or decision dated more than credit.listing.backdating-confirmation-days
-- (30) in the past is taken only after the credit office (ADMIN) has confirmed that date for that
-- listing and step, with a reason. Backdating is how a listing's period or a defence deadline can
-- be moved out of reach of review; the confirmation is the second pair of eyes, kept for good and
-- also written to the listing's history.
CREATE TABLE listing_backdating (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    listing_id             BIGINT        NOT NULL,
    step                   VARCHAR(12)   NOT NULL,
    step_date              DATE          NOT NULL,
    reason                 VARCHAR(1000) NOT NULL,
    confirmed_by_department VARCHAR(16)  NOT NULL,
    confirmed_by_role      VARCHAR(16)   NOT NULL,
    confirmed_at           DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_listing_backdating (listing_id, step, step_date),
    CONSTRAINT fk_listing_backdating_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
