-- Standard Webhooks asymmetric signatures ("v1a", Ed25519): a department may have an Ed25519 key
-- pair besides its HMAC secrets, so that it verifies notices with a public key and holds nothing
-- secret. ADMIN creates, rotates and removes pairs like the secrets: at most two active (the new one
-- and the previous while the department switches), newest first. The public key (raw 32 bytes,
-- shown as whpk_<base64>) is kept in clear; the private key (PKCS#8) is encrypted like the secrets
-- (AES-256-GCM, sanction.secrets.encryption-key), with the id of the key that encrypted it, so the
-- re-encryption of a key rotation (POST /api/v1/departments/secret-encryption-keys/reencrypt) and
-- the start-up check (SecretKeyCheck) cover it too. A new table: nothing existing is rewritten.
CREATE TABLE department_signing_key (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    department_code       VARCHAR(32)    NOT NULL,
    key_id                VARCHAR(32)    NOT NULL,
    public_key            VARBINARY(32)  NOT NULL,
    encrypted_private_key VARBINARY(256) NOT NULL,
    encryption_key_id     CHAR(16)       NOT NULL,
    created_at            DATETIME(3)    NOT NULL,
    retired_at            DATETIME(3)    NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_department_signing_key (key_id),
    KEY ix_department_signing_key_active (department_code, retired_at),
    KEY ix_department_signing_key_encryption_key (encryption_key_id),
    CONSTRAINT fk_department_signing_key_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
