package dev.alertwire.domain.request;

public record Header(String name, String value) {}
