package dev.alertwire.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed attempts per key (a user name and address, an address) and makes a key wait after too many:
 * the first {@link Policy#freeFailures} failures cost nothing, each one after that doubles the wait before
 * the next attempt, from {@link Policy#firstDelay} up to {@link Policy#maxDelay}. A key without a failure for
 * {@link Policy#forgetAfter} starts over. At most {@link Policy#capacity} keys are kept: when full, forgotten
 * keys go first, then the least recently used, so a spray of names or addresses cannot exhaust memory.
 * Thread-safe; time comes from the caller.
 */
public final class FailureThrottle {
  /** The rule: failures allowed without a wait, the wait schedule, how long a key is remembered, how many keys. */
  public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int capacity) {
    public Policy {
      if (freeFailures < 0 || capacity < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
        throw new IllegalArgumentException("invalid throttle policy");
      }
      Objects.requireNonNull(forgetAfter);
    }

    /** The wait imposed after {@code failures} failures in a row: none below the free ones, then doubling, capped. */
    public Duration delayAfter(int failures) {
      if (failures < freeFailures) {
        return Duration.ZERO;
      }
      long first = firstDelay.toMillis();
      long max = maxDelay.toMillis();
      if (first == 0) {
        return Duration.ZERO;
      }
      long delay = first;
      for (int doubled = freeFailures; doubled < failures && delay < max; doubled++) {
        delay *= 2;
      }
      return Duration.ofMillis(Math.min(delay, max));
    }
  }

  private static final class Entry {
    int failures;
    Instant lastFailure;
    Instant lockedUntil;
  }

  private final Policy policy;
  /** Access order: the eldest entry is the least recently used key. */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  public FailureThrottle(Policy policy) {
    this.policy = Objects.requireNonNull(policy);
  }

  public Policy policy() {
    return policy;
  }

  /** How long {@code key} must wait before its next attempt is even looked at; zero when it may try now. */
  public synchronized Duration waitFor(String key, Instant now) {
    Entry entry = current(key, now);
    if (entry == null || entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)) {
      return Duration.ZERO;
    }
    return Duration.between(now, entry.lockedUntil);
  }

  /** Counts a failure of {@code key}; returns the wait it now imposes (zero while failures are still free). */
  public synchronized Duration failed(String key, Instant now) {
    Entry entry = current(key, now);
    if (entry == null) {
      makeRoom(now);
      entry = new Entry();
      entries.put(key, entry);
    }
    entry.failures = Math.min(entry.failures + 1, Integer.MAX_VALUE - 1);
    entry.lastFailure = now;
    Duration delay = policy.delayAfter(entry.failures);
    entry.lockedUntil = delay.isZero() ? null : now.plus(delay);
    return delay;
  }

  /** Failures in a row of {@code key} that are still remembered. */
  public synchronized int failures(String key, Instant now) {
    Entry entry = current(key, now);
    return entry == null ? 0 : entry.failures;
  }

  /** Forgets {@code key}'s failures (a successful sign-in). */
  public synchronized void succeeded(String key) {
    entries.remove(key);
  }

  /** Keys held now (for tests and monitoring). */
  public synchronized int size() {
    return entries.size();
  }

  private Entry current(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry != null && forgotten(entry, now)) {
      entries.remove(key);
      return null;
    }
    return entry;
  }

  private boolean forgotten(Entry entry, Instant now) {
    Instant until = entry.lockedUntil == null ? entry.lastFailure : entry.lockedUntil;
    return !now.isBefore(until.plus(policy.forgetAfter));
  }

  private void makeRoom(Instant now) {
    if (entries.size() < policy.capacity) {
      return;
    }
    entries.values().removeIf(e -> forgotten(e, now));
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while (entries.size() >= policy.capacity && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }
}
