package dev.alertwire.persistence.channel;

/**
 * What queuing an alert needs of a channel it is routed to: an immutable copy, which the routing table keeps
 * between alerts and shares between threads, where an entity belongs to one persistence context.
 *
 * @param alertSettings the channel's settings as they were read; nothing changes them after
 */
public record Recipient(String id, String name, boolean supersedesOlder, AlertSettings alertSettings) {
  public static Recipient of(AlertChannel channel) {
    AlertSettings s = channel.alertSettings();
    return new Recipient(
        channel.id(),
        channel.name(),
        channel.supersedesOlder(),
        new AlertSettings(s.sendFailure(), s.sendRecovery(), s.sendDegraded(), s.sslExpiry(), s.sslExpiryThreshold(), s.autoSubscribe()));
  }
}
