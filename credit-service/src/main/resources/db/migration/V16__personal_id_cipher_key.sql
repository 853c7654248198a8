-- Rotating the encryption key of the personal ID numbers: which AES key encrypted each person's
-- stored number (16 hex digits of SHA-256 over a fixed label and the key, like id_hash_key). The
-- current key encrypts; previous keys only decrypt until the re-encryption
-- (POST /api/v1/subjects/persons/encryption-keys/reencrypt) moves every row to the current key.
-- Rows from before this column are marked on start by PersonalDataKeyCheck with the key that opens them.
-- A nullable column: an instant ADD COLUMN in MariaDB 10.4+ and MySQL 8.0.29+, no table rebuild.
ALTER TABLE person ADD COLUMN id_cipher_key CHAR(16) NULL AFTER id_cipher;
ALTER TABLE person ADD KEY ix_person_cipher_key (id_cipher_key);
