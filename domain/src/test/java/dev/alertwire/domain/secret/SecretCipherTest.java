package dev.alertwire.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private final SecretCipher cipher = new SecretCipher(SecretCipher.newKey());

  @Test
  void roundTripsAndNeverRepeatsCiphertext() {
    String a = cipher.encrypt("tok-ünïcode-✓");
    String b = cipher.encrypt("tok-ünïcode-✓");
    assertNotEquals(a, b, "a fresh nonce each time");
    assertFalse(a.contains("tok"));
    assertEquals("tok-ünïcode-✓", cipher.decrypt(a));
  }

  @Test
  void wrongKeyOrTamperingFailsWithoutEchoingTheSecret() {
    String sealed = cipher.encrypt("super-secret-value");
    SecretCipher other = new SecretCipher(SecretCipher.newKey());
    IllegalStateException wrongKey = assertThrows(IllegalStateException.class, () -> other.decrypt(sealed));
    assertFalse(wrongKey.getMessage().contains("super-secret-value"));
    char last = sealed.charAt(sealed.length() - 2);
    String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 1);
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
  }

  @Test
  void refusesKeysThatAreNotAes256() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[16]));
    assertTrue(e.getMessage().contains("32 bytes"));
  }
}
