/**
 * Alert channels: the entity with its parameters, settings and subscriptions, and how an alert finds the
 * channels it goes to.
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
 * </ul>
 */
package dev.alertwire.persistence.channel;
