-- Rotating the key that encrypts the departments' signing secrets at rest: which AES key encrypted
-- each stored secret (16 hex digits of SHA-256 over a fixed label and the key). The current key
-- encrypts; previous keys (sanction.secrets.previous-encryption-keys) only decrypt until the
-- re-encryption (POST /api/v1/departments/secret-encryption-keys/reencrypt) moves every row to the
-- current key. Rows from before this column are marked on start (SecretKeyCheck) with the key that
-- opens them. A nullable column: an instant ADD COLUMN, no table rebuild.
ALTER TABLE department_secret ADD COLUMN encryption_key_id CHAR(16) NULL AFTER encrypted_secret;
ALTER TABLE department_secret ADD KEY ix_department_secret_encryption_key (encryption_key_id);
