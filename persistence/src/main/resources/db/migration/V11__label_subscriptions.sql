-- A channel can subscribe to a label of alerts that come from Alertmanager or Grafana (or carry LABELS):
-- "team=payments" routes every alert whose labels hold team=payments to it. A subscription names exactly
-- one of a check, a group or a label.
ALTER TABLE channel_subscription ADD COLUMN label VARCHAR(620);
CREATE INDEX channel_subscription_label ON channel_subscription (label);
