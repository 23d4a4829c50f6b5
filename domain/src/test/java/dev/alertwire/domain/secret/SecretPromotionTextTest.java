package dev.alertwire.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.secret.SecretPromotionText.Field;
import dev.alertwire.domain.template.TemplateEngine;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretPromotionTextTest {
  private static final String OPSGENIE = "https://0a1b2c3d4e5f@api.opsgenie.com/v2/alerts";

  @Test
  void suggestsANameFromTheContext() {
    assertEquals("OPSGENIE_API_KEY", SecretPromotionText.suggestName(Field.URL, null, OPSGENIE, "0a1b2c3d4e5f"));
    assertEquals("OPSGENIE_API_KEY", SecretPromotionText.suggestName(Field.URL, null, "https://key@api.eu.opsgenie.com/v2/alerts", "key"));
    assertEquals("URL_CREDENTIALS", SecretPromotionText.suggestName(Field.URL, null, "http://user:pw12@127.0.0.1:9000/hook", "pw12"));
    assertEquals("TOKEN", SecretPromotionText.suggestName(Field.URL, null, "https://example.com/hook?token=abcd1234&x=1", "abcd1234"));
    assertEquals("SLACK_URL_TOKEN", SecretPromotionText.suggestName(Field.URL, null, "https://hooks.slack.com/services/T0/B0/xyzw", "xyzw"));
    assertEquals("BBC_URL_TOKEN", SecretPromotionText.suggestName(Field.URL, null, "https://api.bbc.co.uk/x/abcdef", "abcdef"));
    assertEquals("X_API_KEY", SecretPromotionText.suggestName(Field.HEADER, "X-Api-Key", "k-123456", "k-123456"));
    assertEquals("AUTHORIZATION", SecretPromotionText.suggestName(Field.HEADER, "Authorization", "Bearer abcd", "abcd"));
    assertEquals("API_TOKEN", SecretPromotionText.suggestName(Field.QUERY, "api.token", "abcd", "abcd"));
    assertEquals("_1PASSWORD", SecretPromotionText.suggestName(Field.QUERY, "1password", "abcd", "abcd"));
    assertEquals("HEADER_SECRET", SecretPromotionText.suggestName(Field.HEADER, " -- ", "abcd", "abcd"));
    assertEquals("ROUTING_KEY", SecretPromotionText.suggestName(Field.BODY, null, "{\n  \"routing_key\": \"r0ut1ng\",\n  \"x\": 1}", "r0ut1ng"));
    assertEquals("BODY_SECRET", SecretPromotionText.suggestName(Field.BODY, null, "token r0ut1ng", "r0ut1ng"));
  }

  @Test
  void theWholeLiteralIsTheUserInfoOrTheWholeValue() {
    assertEquals(Optional.of("0a1b2c3d4e5f"), SecretPromotionText.wholeLiteral(Field.URL, OPSGENIE));
    assertEquals(Optional.of("u:p@ss"), SecretPromotionText.wholeLiteral(Field.URL, "https://u:p@ss@host/a@b"));
    assertEquals(Optional.empty(), SecretPromotionText.wholeLiteral(Field.URL, "https://host/a@b"));
    assertEquals(Optional.empty(), SecretPromotionText.wholeLiteral(Field.URL, "https://{{KEY}}@host/"));
    assertEquals(Optional.of("Bearer abc"), SecretPromotionText.wholeLiteral(Field.HEADER, "Bearer abc"));
    assertEquals(Optional.empty(), SecretPromotionText.wholeLiteral(Field.BODY, "{\"a\": 1}"));
  }

  @Test
  void refusesWhatCannotBeASecret() {
    assertTrue(SecretPromotionText.refusal("", 4).isPresent());
    assertTrue(SecretPromotionText.refusal("abc", 4).isPresent());
    assertTrue(SecretPromotionText.refusal("a{{B}}c", 4).isPresent());
    assertEquals(Optional.empty(), SecretPromotionText.refusal("abcd", 4));
  }

  @Test
  void theReferenceRendersToTheLiteral() {
    assertEquals("{{KEY}}", SecretPromotionText.reference("KEY", "0a1b2c3d4e5f"));
    assertEquals("{{KEY}}", SecretPromotionText.reference("KEY", "a/b+c%d:e@f"));
    TemplateEngine engine = new TemplateEngine(Clock.systemUTC(), ZoneOffset.UTC);
    for (String value : List.of("0a1b2c3d4e5f", "tok&en", "a<b>c", "say \"hi\"", "it's", "back`tick", "base64==", "plain-token")) {
      String reference = SecretPromotionText.reference("KEY", value);
      assertEquals(value.chars().anyMatch(c -> "&<>\"'`=".indexOf(c) >= 0), reference.startsWith("{{{"), value);
      assertEquals(value, engine.render(reference, Map.of("KEY", value)), "renders back to " + value);
    }
    assertEquals("https://{{{KEY}}}@h/x?k={{{KEY}}}",
        SecretPromotionText.replace("https://a=b@h/x?k=a=b", "a=b", SecretPromotionText.reference("KEY", "a=b")));
  }
}
