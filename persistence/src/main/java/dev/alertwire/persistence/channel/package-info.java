/**
 * Alert channels: the entity with its parameters, settings and subscriptions, how an alert finds the
 * channels it goes to, and what a delivery reads of its channel.
 *
 * <p>Decisions recorded here:
 *
 * <ul>
 *   <li>The routing rule is written once, in {@link dev.alertwire.persistence.channel.RoutingTable}; {@link
 *       dev.alertwire.persistence.channel.AlertChannel#receivesAlertsOf} states it for one channel, for the
 *       console, and a test holds the two to the same answers.
 *   <li>The table is kept in memory between alerts and made again when a channel's id or version changes
 *       ({@link dev.alertwire.persistence.channel.ChannelRouting}). Versions rather than a change counter of
 *       our own: every change to a channel, through any door, goes through the entity, which raises its
 *       version (its subscriptions and parameters included), where a counter would have to be raised by hand
 *       at each door, and a door that forgot would route alerts wrongly without a sign. Read at each alert
 *       rather than pushed between instances: instances share only the database. So a migration or any
 *       other SQL that changes {@code alert_channel}, {@code channel_subscription} or {@code
 *       channel_parameter} rows must raise the channel's {@code version} with them.
 *   <li>What the table hands out is a {@link dev.alertwire.persistence.channel.Recipient}, a copy, never an
 *       entity: the table outlives every persistence context and is read by many threads at once.
 *   <li>The same holds for sending: {@link dev.alertwire.persistence.channel.ChannelSnapshots} keeps what a
 *       delivery needs of its channel as a {@link dev.alertwire.persistence.channel.ChannelSnapshot}, checked
 *       against the channels' versions once per list of deliveries prepared. A snapshot keeps the secrets as
 *       they are stored, encrypted: what is kept in memory for as long as the app runs holds no secret in the
 *       clear, and decrypting them again for each list costs little (it was done per list before).
 * </ul>
 */
package dev.alertwire.persistence.channel;
