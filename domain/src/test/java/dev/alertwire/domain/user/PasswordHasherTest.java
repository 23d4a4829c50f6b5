package dev.alertwire.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = PasswordHasher.hash("correct horse battery");
    assertTrue(PasswordHasher.matches("correct horse battery", stored));
    assertFalse(PasswordHasher.matches("correct horse batterY", stored));
    assertFalse(PasswordHasher.matches("", stored));
  }

  @Test
  void storesIterationsAndARandomSaltNeverThePassword() {
    String a = PasswordHasher.hash("same password");
    String b = PasswordHasher.hash("same password");
    assertNotEquals(a, b, "a random salt makes equal passwords hash differently");
    assertFalse(a.contains("same password"));
    String[] parts = a.split("\\$");
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 210_000);
  }

  @Test
  void malformedHashesNeverMatch() {
    assertFalse(PasswordHasher.matches("x", "plain-text"));
    assertFalse(PasswordHasher.matches("x", "pbkdf2-sha256$1$!!$!!"));
    assertFalse(PasswordHasher.matches("x", null));
  }

  @Test
  void generatedPasswordsAreLongAndDifferent() {
    String p = PasswordHasher.randomPassword();
    assertEquals(20, p.length());
    assertNotEquals(p, PasswordHasher.randomPassword());
  }
}
