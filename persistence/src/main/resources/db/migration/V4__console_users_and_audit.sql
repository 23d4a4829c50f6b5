-- Console users and the audit log. Portable to H2 2.x and PostgreSQL 15; times are epoch milliseconds.

-- password_hash is "pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>", never a plain password.
CREATE TABLE app_user (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    username      VARCHAR(100)  NOT NULL,
    password_hash VARCHAR(400)  NOT NULL,
    role          VARCHAR(10)   NOT NULL,
    created_at    BIGINT        NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT app_user_username_unique UNIQUE (username),
    CONSTRAINT app_user_role_known CHECK (role IN ('ADMIN', 'VIEWER'))
);

-- Who did what to which thing. detail never holds a secret value, only that one was set or replaced.
CREATE TABLE audit_entry (
    id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    at     BIGINT        NOT NULL,
    actor  VARCHAR(100)  NOT NULL,
    action VARCHAR(60)   NOT NULL,
    target VARCHAR(400),
    detail VARCHAR(4000)
);
CREATE INDEX audit_entry_at ON audit_entry (at);
