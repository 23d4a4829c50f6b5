package dev.alertwire.delivery.console;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.preset.Preset;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The presets shipped in the domain jar ({@code presets/index.txt} lists them in menu order). */
@ApplicationScoped
public class PresetCatalog {
  private List<Preset> presets;

  @PostConstruct
  void load() {
    presets =
        Stream.of(read("presets/index.txt").split("\n"))
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(id -> parse(read("presets/" + id + ".json")))
            .toList();
  }

  public List<Preset> all() {
    return presets;
  }

  public Optional<Preset> find(String id) {
    return presets.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private static Preset parse(String json) {
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    return new Preset(
        o.getString("id"),
        o.getString("name"),
        o.getString("description", ""),
        o.getString("method", "POST"),
        o.getString("url", ""),
        rows(o, "headers"),
        rows(o, "queryParameters"),
        o.getString("body", ""));
  }

  private static List<KeyValue> rows(JsonObject o, String field) {
    return o.getJsonArray(field).getValuesAs(JsonObject.class).stream()
        .map(r -> new KeyValue(r.getString("key"), r.getString("value", ""), r.getBoolean("locked", false)))
        .toList();
  }

  private static String read(String path) {
    try (InputStream in = Preset.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing preset resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
