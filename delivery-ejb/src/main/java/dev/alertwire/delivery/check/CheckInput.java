package dev.alertwire.delivery.check;

import java.util.List;

/** A check or a group as a client describes it; null settings keep the current (or default) values. */
public record CheckInput(
    String name,
    String checkType,
    String description,
    List<String> tags,
    String groupId,
    Boolean activated,
    Boolean muted,
    Boolean useGroupSettings,
    String escalationType,
    Integer failedRunThreshold,
    Integer minutesFailingThreshold,
    Integer reminderAmount,
    Integer reminderIntervalMinutes) {}
