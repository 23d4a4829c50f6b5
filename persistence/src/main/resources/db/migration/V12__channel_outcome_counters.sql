-- The console's channel list shows each channel's success rate over the last 24 hours. Counting it from the
-- delivery table grouped the day's deliveries by channel and status: 1,235 ms with 142,850 deliveries in a
-- day (docs/benchmarks.md, section 5), because no index holds the channel and the status in time order, and
-- one more index on the delivery table would cost every delivery write. Instead each real delivery that
-- finishes SUCCEEDED or FAILED adds one to its channel's counter for the hour it finished in (epoch
-- milliseconds of the hour's start), in the transaction that finishes it; the list reads 25 rows a channel.
CREATE TABLE channel_outcome_hour (
    channel_id  VARCHAR(36) NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    hour_start  BIGINT      NOT NULL,
    succeeded   BIGINT      NOT NULL,
    failed      BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, hour_start)
);

-- The deliveries already finished, counted once. Test-sends are not counted, nor are cancelled or
-- superseded deliveries (as before). COALESCE only guards a finished row without finished_at (none is written).
INSERT INTO channel_outcome_hour (channel_id, hour_start, succeeded, failed)
SELECT channel_id, (COALESCE(finished_at, created_at) / 3600000) * 3600000,
       SUM(CASE WHEN status = 'SUCCEEDED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END)
FROM delivery
WHERE kind <> 'TEST' AND status IN ('SUCCEEDED', 'FAILED') AND channel_id IS NOT NULL
GROUP BY channel_id, (COALESCE(finished_at, created_at) / 3600000) * 3600000;
