-- The history's "status and channel" page at 1,000,000 deliveries took 94 to 145 ms (docs/benchmarks.md,
-- sections 17 and 18), over its 110: counting one channel's deliveries of one status read every entry of
-- the channel in delivery_channel_newest (200,000) and the row behind each for its status. With the status
-- at the end of the index, the count and the page read the index alone, as delivery_newest's status does for
-- the console's chart (V6). The cost is on the write path: a delivery whose status changes has its entry in
-- this index rewritten too (H2 and PostgreSQL leave an entry alone only while its columns stay the same);
-- section 19 measures it.
DROP INDEX delivery_channel_newest;
CREATE INDEX delivery_channel_newest ON delivery (channel_id, created_at DESC, id DESC, status);
