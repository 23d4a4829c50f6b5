package dev.alertwire.web.api;

import dev.alertwire.domain.user.FailureThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong API tokens per client address: 20 free, then 5 s doubling up to 15 min (429 with Retry-After,
 * the token not even looked at); an hour without a wrong token starts over; at most 10,000 addresses.
 * A missing token is not counted, only one that was sent and is wrong.
 */
@ApplicationScoped
public class ApiTokenThrottle {
  static final FailureThrottle.Policy POLICY =
      new FailureThrottle.Policy(20, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1), 10_000);

  private final FailureThrottle throttle = new FailureThrottle(POLICY);

  public Duration waitFor(String address, Instant now) {
    return throttle.waitFor(address == null ? "" : address, now);
  }

  public Duration failed(String address, Instant now) {
    return throttle.failed(address == null ? "" : address, now);
  }
}
