package dev.alertwire.delivery.ingest;

/** Fired inside the accepting transaction; observed after commit to start the first attempts at once. */
public record DeliveriesQueued(int count) {}
