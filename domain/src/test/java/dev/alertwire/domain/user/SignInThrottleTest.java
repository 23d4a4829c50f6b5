package dev.alertwire.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private static final Instant T0 = Instant.parse("2026-06-15T12:00:00Z");
  private static final String HOME = "192.0.2.10";
  private static final String ATTACKER = "198.51.100.7";

  @Test
  void fiveWrongPasswordsThenTheNameWaitsFromThatAddressOnly() {
    SignInThrottle throttle = new SignInThrottle();
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, throttle.waitFor("admin", ATTACKER, T0));
      throttle.failed("admin", ATTACKER, T0);
    }
    assertEquals(Duration.ofSeconds(5), throttle.waitFor("admin", ATTACKER, T0));
    assertEquals(Duration.ofSeconds(5), throttle.waitFor("ADMIN ", ATTACKER, T0), "the same name, however typed");
    assertEquals(Duration.ZERO, throttle.waitFor("admin", HOME, T0), "the real user elsewhere is not locked out");
    assertEquals(Duration.ZERO, throttle.waitFor("someone-else", ATTACKER, T0));
  }

  @Test
  void aSuccessAfterTheWindowClearsTheNameButTheAddressKeepsCounting() {
    SignInThrottle throttle = new SignInThrottle();
    for (int i = 0; i < 6; i++) {
      throttle.failed("admin", HOME, T0);
    }
    Instant later = T0.plusSeconds(10);
    assertEquals(Duration.ZERO, throttle.waitFor("admin", HOME, later));
    throttle.succeeded("admin", HOME);
    assertEquals(Duration.ZERO, throttle.failed("admin", HOME, later), "counting for the name starts over");
  }

  @Test
  void sprayingNamesFromOneAddressSlowsThatAddressDown() {
    SignInThrottle throttle = new SignInThrottle();
    for (int i = 0; i < 19; i++) {
      assertEquals(Duration.ZERO, throttle.failed("name-" + i, ATTACKER, T0), "name " + i);
    }
    assertEquals(Duration.ofSeconds(5), throttle.failed("name-19", ATTACKER, T0), "the 20th failure from the address");
    assertEquals(Duration.ofSeconds(5), throttle.waitFor("admin", ATTACKER, T0), "any name from that address waits");
    assertEquals(Duration.ZERO, throttle.waitFor("admin", HOME, T0));
    throttle.succeeded("admin", ATTACKER);
    assertEquals(Duration.ofSeconds(5), throttle.waitFor("anyone", ATTACKER, T0), "a sign-in does not clear the address");
  }

  @Test
  void keysStayBoundedForHugeTypedNames() {
    SignInThrottle throttle = new SignInThrottle();
    String huge = "p".repeat(100_000);
    throttle.failed(huge, ATTACKER, T0);
    assertTrue(SignInThrottle.pairKey(huge, ATTACKER).length() <= SignInThrottle.MAX_NAME_IN_KEY + ATTACKER.length() + 1);
    assertEquals(2, throttle.size());
  }

  @Test
  void waitsAreToldInWholeSecondsRoundedUp() {
    assertEquals(1, SignInThrottle.seconds(Duration.ofMillis(1)));
    assertEquals(1, SignInThrottle.seconds(Duration.ofMillis(1000)));
    assertEquals(2, SignInThrottle.seconds(Duration.ofMillis(1001)));
    assertEquals(900, SignInThrottle.seconds(Duration.ofMinutes(15)));
  }
}
