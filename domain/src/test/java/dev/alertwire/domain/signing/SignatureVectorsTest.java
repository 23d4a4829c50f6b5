package dev.alertwire.domain.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Both signature schemes against every vector of the repository's copy of the signature vectors (test resource). */
class SignatureVectorsTest {

  @TestFactory
  Stream<DynamicTest> everyVector() throws Exception {
    List<JsonObject> vectors;
    try (InputStream in = SignatureVectorsTest.class.getResourceAsStream("/conformance/signatures/vectors.json")) {
      assertNotNull(in, "conformance/signatures/vectors.json is missing from the test classpath");
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      vectors = Json.createReader(reader).readObject().getJsonArray("vectors").getValuesAs(JsonObject.class);
    }
    assertFalse(vectors.isEmpty());
    return vectors.stream()
        .flatMap(
            v -> {
              byte[] payload = v.getString("payload").getBytes(StandardCharsets.UTF_8);
              JsonObject sw = v.getJsonObject("standardWebhooks");
              String name = sw.getString("id");
              return Stream.of(
                  DynamicTest.dynamicTest(
                      name + " checkly",
                      () -> assertEquals(v.getString("checklySignature"), ChecklySignature.sign(v.getString("secret"), payload))),
                  DynamicTest.dynamicTest(
                      name + " standard-webhooks",
                      () ->
                          assertEquals(
                              sw.getString("signature"),
                              StandardWebhookSignature.sign(
                                  sw.getString("secret"), sw.getString("id"), sw.getJsonNumber("timestamp").longValue(), payload))));
            });
  }

  @Test
  void generatedSecretsAreValidAndDistinct() {
    String a = StandardWebhookSignature.newSecret();
    String b = StandardWebhookSignature.newSecret();
    assertTrue(StandardWebhookSignature.isValidSecret(a));
    assertTrue(a.startsWith("whsec_"));
    assertFalse(a.equals(b));
    assertFalse(StandardWebhookSignature.isValidSecret("whsec_!!notbase64"));
    assertFalse(StandardWebhookSignature.isValidSecret("plain"));
  }
}
