package dev.alertwire.bench.render;

import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.template.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendering benchmark's inputs, shared with the reference engine's script: the seed documents' bodies
 * (templates/*.hbs, copied verbatim from /work/shared/seeds/checkly-webhooks-docs-current.md, the Jira
 * body with its // comments) and a full ALERT_FAILURE event from {@link SampleEvents}.
 *
 * <p>{@code main(dir)} writes {@code context.json}, the templates and Alertwire's output of each, so the
 * node script renders exactly the same thing and checks that both engines produce the same bytes.
 */
public final class RenderFixtures {
  /** Name of each benchmarked template (file templates/NAME.hbs). */
  public static final List<String> TEMPLATES = List.of("opsgenie-full", "jira-contains", "ai-analysis");
  public static final Instant NOW = Instant.parse("2026-06-15T12:34:56.789Z");

  private RenderFixtures() {}

  public static String template(String name) {
    try (InputStream in = RenderFixtures.class.getResourceAsStream("/templates/" + name + ".hbs")) {
      if (in == null) {
        throw new IllegalArgumentException("no template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, Object> event() {
    return SampleEvents.of(SampleEvents.Kind.ALERT_FAILURE, Clock.fixed(NOW, ZoneOffset.UTC), "https://alertwire.example/");
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/render-fixtures");
    Files.createDirectories(dir);
    Map<String, Object> context = event();
    Files.writeString(dir.resolve("context.json"), Json.write(context));
    TemplateEngine engine = new TemplateEngine(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String name : TEMPLATES) {
      String template = template(name);
      Files.writeString(dir.resolve(name + ".hbs"), template);
      String out = engine.render(template, context);
      outputs.put(name, out);
      Files.writeString(dir.resolve(name + ".alertwire.out"), out);
    }
    System.out.println("fixtures in " + dir.toAbsolutePath() + ": " + outputs.keySet());
  }

  /** Just enough JSON for the event: maps, lists, strings, numbers, booleans, null. */
  static final class Json {
    static String write(Object value) {
      StringBuilder b = new StringBuilder();
      write(value, b);
      return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
      if (v == null) {
        b.append("null");
      } else if (v instanceof Map<?, ?> m) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) {
            b.append(',');
          }
          first = false;
          string(String.valueOf(e.getKey()), b);
          b.append(':');
          write(e.getValue(), b);
        }
        b.append('}');
      } else if (v instanceof List<?> l) {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          write(l.get(i), b);
        }
        b.append(']');
      } else if (v instanceof Number || v instanceof Boolean) {
        b.append(v);
      } else {
        string(v.toString(), b);
      }
    }

    private static void string(String s, StringBuilder b) {
      b.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      b.append('"');
    }
  }
}
