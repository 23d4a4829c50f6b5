-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15. Times are Unix epoch milliseconds (BIGINT),
-- which both databases compare and index the same way, free of time zone conversions.

CREATE TABLE alert_channel (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    name                VARCHAR(200)   NOT NULL,
    url                 VARCHAR(4000)  NOT NULL,
    method              VARCHAR(10)    NOT NULL,
    body_template       VARCHAR(1000000),
    webhook_secret      VARCHAR(2000),
    previous_secret     VARCHAR(2000),
    secret_rotated_at   BIGINT,
    signature_scheme    VARCHAR(20)    NOT NULL,
    activated           BOOLEAN        NOT NULL,
    max_retries         INTEGER        NOT NULL,
    retry_delay_ms      BIGINT         NOT NULL,
    backoff             VARCHAR(20)    NOT NULL,
    connect_timeout_ms  INTEGER        NOT NULL,
    response_timeout_ms INTEGER        NOT NULL,
    gone_at             BIGINT,
    created_at          BIGINT         NOT NULL,
    updated_at          BIGINT         NOT NULL,
    version             BIGINT         NOT NULL
);

-- Headers and query parameters of a channel, in the order the user gave them. A locked value is encrypted.
CREATE TABLE channel_parameter (
    channel_id  VARCHAR(36)   NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    kind        VARCHAR(10)   NOT NULL,
    position    INTEGER       NOT NULL,
    name        VARCHAR(500)  NOT NULL,
    param_value VARCHAR(100000),
    locked      BOOLEAN       NOT NULL,
    PRIMARY KEY (channel_id, kind, position)
);

CREATE TABLE alert_event (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    check_id    VARCHAR(100),
    alert_type  VARCHAR(40),
    occurred_at BIGINT         NOT NULL,
    variables   VARCHAR(1000000) NOT NULL,
    created_at  BIGINT         NOT NULL
);

CREATE TABLE delivery (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_id        VARCHAR(36)   NOT NULL REFERENCES alert_event (id) ON DELETE CASCADE,
    channel_id      VARCHAR(36)   REFERENCES alert_channel (id) ON DELETE SET NULL,
    channel_name    VARCHAR(200)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at BIGINT,
    lease_owner     VARCHAR(64),
    lease_until     BIGINT,
    last_status     INTEGER,
    last_error      VARCHAR(4000),
    created_at      BIGINT        NOT NULL,
    finished_at     BIGINT,
    version         BIGINT        NOT NULL
);
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX delivery_created ON delivery (created_at);
CREATE INDEX delivery_channel ON delivery (channel_id, created_at);

CREATE TABLE delivery_attempt (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    delivery_id      VARCHAR(36)    NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt_number   INTEGER        NOT NULL,
    started_at       BIGINT         NOT NULL,
    duration_ms      BIGINT         NOT NULL,
    request_method   VARCHAR(10),
    request_url      VARCHAR(8000),
    request_headers  VARCHAR(1000000),
    request_body     VARCHAR(1000000),
    response_status  INTEGER,
    response_headers VARCHAR(1000000),
    response_body    VARCHAR(1000000),
    error_class      VARCHAR(40),
    error_message    VARCHAR(4000),
    next_attempt_at  BIGINT
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, attempt_number);

-- Global variables have scope '' ; group variables (added with check groups) use the group's id.
CREATE TABLE variable (
    id          VARCHAR(36)     NOT NULL PRIMARY KEY,
    scope       VARCHAR(36)     NOT NULL,
    var_key     VARCHAR(200)    NOT NULL,
    var_value   VARCHAR(100000) NOT NULL,
    locked      BOOLEAN         NOT NULL,
    created_at  BIGINT          NOT NULL,
    updated_at  BIGINT          NOT NULL,
    version     BIGINT          NOT NULL,
    CONSTRAINT variable_key_unique UNIQUE (scope, var_key)
);
