-- Checks, groups, subscriptions, alert settings, results and API tokens.

CREATE TABLE check_group (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                    VARCHAR(200)  NOT NULL,
    tags                    VARCHAR(4000) NOT NULL,
    escalation_type         VARCHAR(20)   NOT NULL,
    failed_run_threshold    INTEGER       NOT NULL,
    minutes_failing         INTEGER       NOT NULL,
    reminder_amount         INTEGER       NOT NULL,
    reminder_interval       INTEGER       NOT NULL,
    created_at              BIGINT        NOT NULL,
    updated_at              BIGINT        NOT NULL,
    version                 BIGINT        NOT NULL,
    CONSTRAINT check_group_name_unique UNIQUE (name)
);

CREATE TABLE monitored_check (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                    VARCHAR(200)  NOT NULL,
    check_type              VARCHAR(40)   NOT NULL,
    description             VARCHAR(4000),
    tags                    VARCHAR(4000) NOT NULL,
    group_id                VARCHAR(36)   REFERENCES check_group (id) ON DELETE SET NULL,
    activated               BOOLEAN       NOT NULL,
    muted                   BOOLEAN       NOT NULL,
    use_group_settings      BOOLEAN       NOT NULL,
    escalation_type         VARCHAR(20)   NOT NULL,
    failed_run_threshold    INTEGER       NOT NULL,
    minutes_failing         INTEGER       NOT NULL,
    reminder_amount         INTEGER       NOT NULL,
    reminder_interval       INTEGER       NOT NULL,
    alert_state             VARCHAR(20)   NOT NULL,
    consecutive_failures    INTEGER       NOT NULL,
    failing_since           BIGINT,
    consecutive_degraded    INTEGER       NOT NULL,
    degraded_since          BIGINT,
    failure_alerted         BOOLEAN       NOT NULL,
    degraded_alerted        BOOLEAN       NOT NULL,
    last_result_at          BIGINT,
    last_failure_result_id  VARCHAR(36),
    reminders_sent          INTEGER       NOT NULL,
    next_reminder_at        BIGINT,
    created_at              BIGINT        NOT NULL,
    updated_at              BIGINT        NOT NULL,
    version                 BIGINT        NOT NULL
);
CREATE INDEX monitored_check_name ON monitored_check (name);
CREATE INDEX monitored_check_reminder ON monitored_check (next_reminder_at);

CREATE TABLE check_result (
    id            VARCHAR(36)      NOT NULL PRIMARY KEY,
    check_id      VARCHAR(36)      NOT NULL REFERENCES monitored_check (id) ON DELETE CASCADE,
    transition    VARCHAR(40)      NOT NULL,
    has_failures  BOOLEAN          NOT NULL,
    is_degraded   BOOLEAN          NOT NULL,
    started_at    BIGINT           NOT NULL,
    variables     VARCHAR(1000000) NOT NULL,
    created_at    BIGINT           NOT NULL
);
CREATE INDEX check_result_check ON check_result (check_id, created_at);

ALTER TABLE alert_channel ADD COLUMN send_failure BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE alert_channel ADD COLUMN send_recovery BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE alert_channel ADD COLUMN send_degraded BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alert_channel ADD COLUMN ssl_expiry BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alert_channel ADD COLUMN ssl_expiry_threshold INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE alert_channel ADD COLUMN auto_subscribe BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE channel_subscription (
    channel_id  VARCHAR(36) NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    check_id    VARCHAR(36),
    group_id    VARCHAR(36),
    activated   BOOLEAN     NOT NULL,
    PRIMARY KEY (channel_id, position)
);
CREATE INDEX channel_subscription_check ON channel_subscription (check_id);
CREATE INDEX channel_subscription_group ON channel_subscription (group_id);

-- SSL expiry alerts go out at most once a day per check and channel.
CREATE TABLE ssl_alert (
    channel_id  VARCHAR(36) NOT NULL,
    check_id    VARCHAR(36) NOT NULL,
    sent_at     BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, check_id)
);

CREATE TABLE api_token (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);
