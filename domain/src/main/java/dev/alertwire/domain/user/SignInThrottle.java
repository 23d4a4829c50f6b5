package dev.alertwire.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Console sign-in throttling. Two counters, both by the client's address:
 *
 * <ul>
 *   <li>per user name and address: 5 failures free, then a wait of 5 s doubling per failure up to 15 min; a
 *       successful sign-in clears it. Someone guessing from elsewhere never locks the real user out.
 *   <li>per address, whatever the name: 20 failures free, then the same schedule; only time clears it, so
 *       spraying names (or interleaving a sign-in to one's own account) from one address slows down too.
 * </ul>
 *
 * While either waits, an attempt is refused without its password being looked at, and does not count. A
 * counter without a failure for an hour starts over; each keeps at most 10,000 keys. The typed name is a
 * key whether or not such a user exists, so the answer never tells which names exist.
 */
public final class SignInThrottle {
  public static final FailureThrottle.Policy PER_NAME_AND_ADDRESS =
      new FailureThrottle.Policy(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1), 10_000);
  public static final FailureThrottle.Policy PER_ADDRESS =
      new FailureThrottle.Policy(20, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1), 10_000);
  /** Longest typed name kept as a key: longer ones are cut, so a key's size is bounded. */
  static final int MAX_NAME_IN_KEY = 100;

  private final FailureThrottle byNameAndAddress;
  private final FailureThrottle byAddress;

  public SignInThrottle() {
    this(PER_NAME_AND_ADDRESS, PER_ADDRESS);
  }

  public SignInThrottle(FailureThrottle.Policy perNameAndAddress, FailureThrottle.Policy perAddress) {
    this.byNameAndAddress = new FailureThrottle(perNameAndAddress);
    this.byAddress = new FailureThrottle(perAddress);
  }

  /** How long this name from this address must wait before an attempt is looked at; zero when it may try now. */
  public Duration waitFor(String username, String address, Instant now) {
    Duration pair = byNameAndAddress.waitFor(pairKey(username, address), now);
    Duration addr = byAddress.waitFor(addressKey(address), now);
    return pair.compareTo(addr) >= 0 ? pair : addr;
  }

  /** Counts a wrong user name or password; returns the wait it now imposes on this name from this address. */
  public Duration failed(String username, String address, Instant now) {
    Duration pair = byNameAndAddress.failed(pairKey(username, address), now);
    Duration addr = byAddress.failed(addressKey(address), now);
    return pair.compareTo(addr) >= 0 ? pair : addr;
  }

  /** A successful sign-in clears the name and address counter (the address counter only expires). */
  public void succeeded(String username, String address) {
    byNameAndAddress.succeeded(pairKey(username, address));
  }

  /** Keys held by both counters together, at most twice the capacity. */
  public int size() {
    return byNameAndAddress.size() + byAddress.size();
  }

  static String pairKey(String username, String address) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (name.length() > MAX_NAME_IN_KEY) {
      name = name.substring(0, MAX_NAME_IN_KEY);
    }
    return addressKey(address) + "\n" + name;
  }

  static String addressKey(String address) {
    return address == null ? "" : address;
  }

  /** Whole seconds to tell a person to wait: rounded up, at least 1. */
  public static long seconds(Duration wait) {
    long millis = wait.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
