package dev.alertwire.domain.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.SharedData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Both signature schemes against every vector of ../shared/conformance/signatures/vectors.json. */
class SignatureVectorsTest {

  @TestFactory
  Stream<DynamicTest> everyVector() throws Exception {
    List<JsonObject> vectors;
    try (Reader reader = Files.newBufferedReader(SharedData.dir().resolve("conformance/signatures/vectors.json"))) {
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
