package dev.alertwire.persistence.channel;

/**
 * What queuing an alert needs of a channel it is routed to, which the routing table keeps between alerts and
 * shares between threads, where an entity belongs to one persistence context. {@link AlertSettings} has no
 * setters (a channel's settings change by {@link AlertChannel#alertOn}, which replaces them), so the
 * settings are shared as they are.
 */
public record Recipient(String id, String name, boolean supersedesOlder, AlertSettings alertSettings) {
  public static Recipient of(AlertChannel channel) {
    return new Recipient(channel.id(), channel.name(), channel.supersedesOlder(), channel.alertSettings());
  }
}
