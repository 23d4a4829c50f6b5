/**
 * Alerts decided by other tools, in the shapes those tools send: Prometheus Alertmanager's webhook payload
 * (version 4) and Grafana alerting's webhook payload (the same shape with a few fields more).
 *
 * <p>Decisions: each alert in a payload becomes one event of its own, in the variables a ready-made alert
 * takes ({@code POST /api/v1/alerts}), so routing, supersede, retries and the rule that stored variables win
 * are the ones every other alert has. The fingerprint is the check id, which makes a resolved alert
 * supersede its firing one. Fields shared by the whole notification (group and common labels, Grafana's
 * {@code message}) are not copied into each event: a payload of many alerts would store them once per alert,
 * and each alert's own labels and annotations carry the same facts.
 */
package dev.alertwire.domain.source;
