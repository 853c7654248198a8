-- The partner departments (seeded from seeds/departments.yaml, managed by ADMIN) and the
-- measure catalogue (seeded from seeds/measures.yaml). Codes are stable keys.
CREATE TABLE department (
    code          VARCHAR(32)   NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    full_name     VARCHAR(200)  NULL,
    roles         VARCHAR(200)  NOT NULL,
    endpoint_url  VARCHAR(500)  NULL,
    enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
    contact       VARCHAR(200)  NULL,
    created_at    DATETIME(3)   NOT NULL,
    updated_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Notice-signing secrets, encrypted (AES-GCM); at most two active while a department rotates.
CREATE TABLE department_secret (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    department_code  VARCHAR(32)   NOT NULL,
    key_id           VARCHAR(32)   NOT NULL,
    encrypted_secret VARBINARY(256) NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    retired_at       DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_department_secret_key (key_id),
    KEY ix_department_secret_active (department_code, retired_at),
    CONSTRAINT fk_department_secret_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE measure (
    code            VARCHAR(32)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    department_code VARCHAR(32)   NOT NULL,
    legal_basis     VARCHAR(500)  NOT NULL,
    subject_types   VARCHAR(40)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (code),
    KEY ix_measure_department (department_code),
    CONSTRAINT fk_measure_department FOREIGN KEY (department_code) REFERENCES department (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
