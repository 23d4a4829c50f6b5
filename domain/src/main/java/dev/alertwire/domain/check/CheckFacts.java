package dev.alertwire.domain.check;

import java.util.List;

/** The check (and its group) an alert is about. */
public record CheckFacts(
    String id, String name, String type, String description, List<String> tags, String groupName) {}
