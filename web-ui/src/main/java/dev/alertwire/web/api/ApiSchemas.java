package dev.alertwire.web.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A few words to write OpenAPI schemas with: {@code object(req("id", string()), opt("detail", string()))}.
 * Answers are closed (additionalProperties: false), so a field the code adds without the document fails
 * the contract test; request bodies are open, because the resources ignore fields they do not read.
 */
final class ApiSchemas {
  private ApiSchemas() {}

  /** A property: its name, its schema, and whether the body always carries it. */
  record Property(String name, Schema schema, boolean required) {}

  static Property req(String name, Schema schema) {
    return new Property(name, schema, true);
  }

  static Property opt(String name, Schema schema) {
    return new Property(name, schema, false);
  }

  /** An answer: every property listed, nothing else. */
  static Schema object(Property... properties) {
    return object(List.of(properties));
  }

  static Schema object(List<Property> properties) {
    Schema s = OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesBoolean(Boolean.FALSE);
    List<String> required = new ArrayList<>();
    for (Property p : properties) {
      s.addProperty(p.name(), p.schema());
      if (p.required()) {
        required.add(p.name());
      }
    }
    return required.isEmpty() ? s : s.required(required);
  }

  /**
   * A request body: the properties the resource reads, each of which may be null or left out (JsonBodies
   * reads null as absent) unless listed in {@code required}; other fields are ignored.
   */
  static Schema input(List<String> required, List<Property> properties) {
    Schema s = OASFactory.createSchema().type(SchemaType.OBJECT);
    for (Property p : properties) {
      s.addProperty(p.name(), p.schema().nullable(Boolean.TRUE));
    }
    return required.isEmpty() ? s : s.required(required);
  }

  static List<Property> concat(List<Property> a, Property... more) {
    List<Property> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all;
  }

  static List<Property> without(List<Property> properties, String... names) {
    List<String> dropped = List.of(names);
    return properties.stream().filter(p -> !dropped.contains(p.name())).toList();
  }

  static Schema string() {
    return OASFactory.createSchema().type(SchemaType.STRING);
  }

  static Schema string(String description) {
    return string().description(description);
  }

  static Schema instant() {
    return string().format("date-time");
  }

  static Schema integer() {
    return OASFactory.createSchema().type(SchemaType.INTEGER);
  }

  static Schema number() {
    return OASFactory.createSchema().type(SchemaType.NUMBER);
  }

  static Schema bool() {
    return OASFactory.createSchema().type(SchemaType.BOOLEAN);
  }

  static Schema array(Schema items) {
    return OASFactory.createSchema().type(SchemaType.ARRAY).items(items);
  }

  static Schema nullable(Schema s) {
    return s.nullable(Boolean.TRUE);
  }

  /** Any JSON object, its fields not described (alert variables, response headers). */
  static Schema anyObject() {
    return OASFactory.createSchema().type(SchemaType.OBJECT);
  }

  static Schema ref(String component) {
    return OASFactory.createSchema().ref("#/components/schemas/" + component);
  }

  static Schema oneOf(Schema... choices) {
    return OASFactory.createSchema().oneOf(List.of(choices));
  }

  /** The names of a Java enum, as the code writes them ({@code name()}). */
  static Schema enumOf(Enum<?>[] values) {
    return enumOf(Arrays.stream(values).map(Enum::name).toList());
  }

  /** The names of a Java enum in lower case, as the token resource writes roles. */
  static Schema lowerCaseEnumOf(Enum<?>[] values) {
    return enumOf(Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
  }

  static Schema enumOf(List<String> values) {
    return string().enumeration(new ArrayList<>(values));
  }
}
