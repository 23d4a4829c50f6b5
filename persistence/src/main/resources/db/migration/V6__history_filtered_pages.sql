-- Filtered history pages and the console's channel list at 1,000,000 deliveries (docs/benchmarks.md).

-- With the status in the newest-first index, the console's deliveries-per-hour chart counts from the index
-- alone instead of reading a row per delivery.
DROP INDEX delivery_newest;
CREATE INDEX delivery_newest ON delivery (created_at DESC, id DESC, status);

-- The same order within a channel and within a status. H2 reads an index in order after an equality only
-- when the query sorts by that column first; the history's queries do (ORDER BY channel_id, created_at DESC,
-- id DESC), so a filtered page reads a page of entries instead of sorting every match. The channel index
-- also finds a channel's latest delivery for the channel list in one look-up.
CREATE INDEX delivery_channel_newest ON delivery (channel_id, created_at DESC, id DESC);
DROP INDEX delivery_channel;
CREATE INDEX delivery_status_newest ON delivery (status, created_at DESC, id DESC);

-- delivery_next serves the dispatcher and delivery_status_newest the status filter: delivery_due has no
-- reader left.
DROP INDEX delivery_due;
