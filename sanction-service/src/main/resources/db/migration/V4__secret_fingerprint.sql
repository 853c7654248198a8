-- The fingerprint of a signing secret, kept beside it so the registry can show which secrets are
-- active without decrypting them (and still can if the encryption key is wrong).
ALTER TABLE department_secret ADD COLUMN fingerprint CHAR(16) NULL AFTER encrypted_secret;
