-- Receipts of a batch share one signature over a Merkle root (docs/licensing-check.md): keep the
-- signed statement and each receipt's inclusion proof ("L:<hex>,R:<hex>,…", at most 10 steps for
-- 1,000 receipts).
ALTER TABLE check_audit
    ADD COLUMN batch_statement VARCHAR(200)  NULL,
    ADD COLUMN proof           VARCHAR(1400) NULL;
