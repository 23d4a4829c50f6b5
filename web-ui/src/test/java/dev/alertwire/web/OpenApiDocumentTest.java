package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract test's validator catches the drifts it exists for. */
class OpenApiDocumentTest {
  private static final OpenApiDocument DOC =
      new OpenApiDocument(
          json(
              """
              {"paths": {"/api/v1/things": {"get": {}}, "/api/v1/things/{id}": {"get": {}, "delete": {}},
                         "/api/v1/things/{id}/cancel": {"post": {}}, "/api/v1/things/export": {"get": {}}},
               "components": {"schemas": {
                 "Thing": {"type": "object", "additionalProperties": false, "required": ["id", "state", "at"],
                   "properties": {"id": {"type": "string"}, "state": {"type": "string", "enum": ["ON", "OFF"]},
                     "at": {"type": "string", "format": "date-time"}, "note": {"type": "string", "nullable": true},
                     "count": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}},
                     "owner": {"oneOf": [{"$ref": "#/components/schemas/ByCheck"}, {"$ref": "#/components/schemas/ByGroup"}]},
                     "headers": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}},
                 "ByCheck": {"type": "object", "additionalProperties": false, "required": ["checkId"], "properties": {"checkId": {"type": "string"}}},
                 "ByGroup": {"type": "object", "additionalProperties": false, "required": ["groupId"], "properties": {"groupId": {"type": "string"}}},
                 "Anything": {}}}}
              """));
  private static final JsonObject THING = json("{\"$ref\": \"#/components/schemas/Thing\"}");

  @Test
  void aConformingAnswerPasses() {
    assertEquals(
        List.of(),
        DOC.validate(
            json(
                "{\"id\":\"a\",\"state\":\"ON\",\"at\":\"2026-06-15T12:00:00Z\",\"note\":null,\"count\":3,\"tags\":[\"x\"],"
                    + "\"owner\":{\"groupId\":\"g\"},\"headers\":{\"x-a\":[\"1\"]}}"),
            THING));
  }

  @Test
  void aMissingRequiredFieldFails() {
    assertEquals(List.of("$: the required field \"at\" is missing"), DOC.validate(json("{\"id\":\"a\",\"state\":\"ON\"}"), THING));
  }

  @Test
  void anUndocumentedFieldFails() {
    assertEquals(
        List.of("$.secret: a field the schema does not describe (additionalProperties: false)"),
        DOC.validate(json("{\"id\":\"a\",\"state\":\"ON\",\"at\":\"2026-06-15T12:00:00Z\",\"secret\":\"s\"}"), THING));
  }

  @Test
  void wrongTypesNullsEnumsAndDatesFail() {
    List<String> errors =
        DOC.validate(
            json("{\"id\":null,\"state\":\"MAYBE\",\"at\":\"yesterday\",\"count\":1.5,\"tags\":[1],\"headers\":{\"x\":\"1\"}}"), THING);
    assertEquals(
        List.of(
            "$.id: null, and the schema does not allow null (nullable)",
            "$.state: \"MAYBE\" is not one of [\"ON\",\"OFF\"]",
            "$.at: \"yesterday\" is not a date-time (RFC 3339)",
            "$.count: a number, the schema says integer",
            "$.tags[0]: an integer, the schema says string",
            "$.headers.x: a string, the schema says array"),
        errors);
  }

  @Test
  void oneOfNeedsExactlyOneMatch() {
    String base = "{\"id\":\"a\",\"state\":\"ON\",\"at\":\"2026-06-15T12:00:00Z\",\"owner\":";
    assertTrue(DOC.validate(json(base + "{\"checkId\":\"c\",\"groupId\":\"g\"}}"), THING).get(0).startsWith("$.owner: matches 0 of the 2 oneOf"));
    assertEquals(List.of(), DOC.validate(json(base + "{\"checkId\":\"c\"}}"), THING));
  }

  @Test
  void aSchemaThatDescribesNothingFails() {
    assertTrue(DOC.validate(json("{\"id\":\"a\"}"), json("{\"$ref\": \"#/components/schemas/Anything\"}")).get(0).contains("describes nothing"));
    assertTrue(DOC.validate(json("{\"id\":\"a\"}"), json("{\"type\": \"string\"}")).get(0).contains("an object, the schema says string"));
  }

  @Test
  void concretePathsFindTheirTemplateLiteralSegmentsFirst() {
    assertEquals("/api/v1/things/{id}", DOC.template("/api/v1/things/abc").orElseThrow());
    assertEquals("/api/v1/things/export", DOC.template("/api/v1/things/export").orElseThrow());
    assertEquals("/api/v1/things/{id}/cancel", DOC.template("/api/v1/things/abc/cancel").orElseThrow());
    assertTrue(DOC.template("/api/v1/others").isEmpty());
    assertEquals(
        List.of("DELETE /api/v1/things/{id}", "GET /api/v1/things", "GET /api/v1/things/export", "GET /api/v1/things/{id}", "POST /api/v1/things/{id}/cancel"),
        List.copyOf(DOC.operations()));
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      JsonValue v = reader.readValue();
      return v.asJsonObject();
    }
  }
}
