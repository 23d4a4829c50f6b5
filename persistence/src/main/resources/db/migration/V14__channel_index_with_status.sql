-- The history's "status and channel" page at 1,000,000 deliveries took 94 to 145 ms (docs/benchmarks.md,
-- sections 17 and 18), over its 110: counting one channel's deliveries of one status read every entry of
-- the channel in delivery_channel_newest (200,000) and the row behind each for its status. With the status
-- at the end of the index, the count and the page read the index alone, as delivery_newest's status does for
-- the console's chart (V6). The cost is on the write path: on H2 a delivery whose status changes has its entry
-- in this index rewritten too (H2 leaves an entry alone only while its columns keep their values); on
-- PostgreSQL such an update already wrote an entry in every index, the status being indexed elsewhere.
-- Section 19 measures it on H2: within 2 % on the commits that record attempts.
DROP INDEX delivery_channel_newest;
CREATE INDEX delivery_channel_newest ON delivery (channel_id, created_at DESC, id DESC, status);
