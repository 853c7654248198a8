-- Issue 12 (never a wrong CLEAR): which HMAC key made each person's lookup hash. A person is found
-- (and checked) by the hash of the ID number under the configured key; under any other key every
-- listed person would silently be CLEAR. The service refuses to start when the configured key is
-- not the one the stored hashes were made with (PersonalDataKeyCheck). Rows from before this
-- column are verified on start (the encrypted copy is decrypted and hashed again) and then marked.
ALTER TABLE person ADD COLUMN id_hash_key CHAR(16) NULL AFTER id_hash;
ALTER TABLE person ADD KEY ix_person_hash_key (id_hash_key);
