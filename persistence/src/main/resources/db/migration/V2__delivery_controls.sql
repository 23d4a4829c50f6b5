-- Per-channel delivery controls: superseding late retries and an optional rate limit.
ALTER TABLE alert_channel ADD COLUMN supersede_older BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE alert_channel ADD COLUMN rate_limit_per_minute INTEGER;

-- The check a delivery is about (copied from its event) so superseding needs no join.
ALTER TABLE delivery ADD COLUMN check_id VARCHAR(100);
CREATE INDEX delivery_channel_check ON delivery (channel_id, check_id, status);

-- Attempts per channel and time, for the rate limit.
ALTER TABLE delivery_attempt ADD COLUMN channel_id VARCHAR(36);
CREATE INDEX delivery_attempt_channel ON delivery_attempt (channel_id, started_at);
