/**
 * Delivery metrics for Prometheus, served by Alertwire itself at {@code GET /api/v1/metrics} in the text
 * exposition format 0.0.4, for an admin or viewer API token. docs/operations.md lists every metric.
 *
 * <h2>Why not MicroProfile Metrics</h2>
 * Payara Micro 6.2025.10 carries MicroProfile Metrics 5.1 (its own implementation,
 * fish.payara.microprofile.metrics, no Micrometer), enabled with nothing to switch on: with any WAR
 * deployed (tried with a one-page WAR), {@code GET /metrics} answers 200 {@code text/plain} to anyone with
 * 71 lines of base and vendor metrics (JVM, connection pool), every one labelled {@code mp_scope}; with no
 * application deployed it answers 404.
 * Tried and not kept, because:
 * <ul>
 *   <li>Who can read it. That endpoint belongs to the server, not the application: it cannot use
 *       Alertwire's API tokens: its security is {@code asadmin set-metrics-configuration} against the
 *       server's own realm, which Payara Micro reaches only through a post-boot command file (Payara's
 *       documentation: Micro has no convenient way to configure the metrics service). It would
 *       put every channel's id and name on the listener, for anyone.</li>
 *   <li>Histograms. An MP Metrics 5 histogram or timer is exported as a summary (quantiles over a sliding
 *       window, which cannot be added up across instances) unless buckets are configured per metric name
 *       through {@code mp.metrics.distribution.*} settings outside the code; Payara fixed its cumulative
 *       bucket counts only in December 2023 (payara/Payara#6500). A histogram here is 40 lines.</li>
 *   <li>Names. The names and labels are the contract of the rules file and the dashboard in docs/; written
 *       here they are exactly what the documentation says, without the {@code mp_scope} label.</li>
 *   <li>MicroProfile Metrics is optional from MicroProfile 7 and Payara plans to deprecate it in Micro.</li>
 * </ul>
 * Payara's own {@code /metrics} is left as it is (JVM and pool figures only, nothing of Alertwire's).
 *
 * <h2>What is counted, and where</h2>
 * Counters and histograms live in this process's memory ({@link dev.alertwire.delivery.metrics.DeliveryMetrics}):
 * they start at zero on start, which Prometheus' {@code rate()} handles, and each instance counts what it
 * did, so sum them across instances. The dispatcher, the attempt recorder and the outbox make one call each
 * per event; a call inside a transaction counts when it commits, and a write the group commit makes
 * ({@code delivery.commit}: accepted alerts, recorded attempts) is counted once that commit is done. Gauges are read from the database
 * ({@link dev.alertwire.persistence.delivery.DeliveryBacklog}, every query in one place), at most every 5 s
 * ({@link dev.alertwire.delivery.metrics.BacklogGauges}); they describe the shared database, so take their
 * max across instances, not their sum.
 *
 * <h2>The channel label</h2>
 * The channel's id, not its name: an id never changes and says nothing by itself. Names come as
 * {@code alertwire_channel_info{channel, name}} for a dashboard to join. The first
 * {@code ALERTWIRE_METRICS_MAX_CHANNELS} (default 100) channels a process counts for get their own label
 * value, later ones share {@code channel="other"}: at most about 25 series per channel (two outcomes, a few
 * attempt results, 15 histogram series, three more counters), so 100 channels stay under 3,000 series.
 *
 * <h2>Who can read it</h2>
 * An admin or viewer token, as for the rest of the API: channel names and ids are no secret from a viewer,
 * but they are from whoever reaches the port. An ingest token gets 403. Prometheus sends the token with
 * {@code authorization: {type: Bearer, credentials_file: ...}}. Nothing in a metric comes from a URL, a
 * header, a body, a variable or a secret: label values are channel ids and names, status classes, error
 * classes and delivery statuses.
 */
package dev.alertwire.delivery.metrics;
