package dev.alertwire.domain.template;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Interim engine: plain Handlebars.java; replaced by the conformant engine. */
public class TemplateEngine {
  private final Handlebars handlebars = new Handlebars();
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  public TemplateEngine() {
    this(Clock.systemUTC(), ZoneId.of("UTC"));
  }

  public TemplateEngine(Clock clock, ZoneId zone) {}

  public String render(String template, Map<String, Object> context) {
    try {
      return compile(template).apply(context);
    } catch (IOException | HandlebarsException e) {
      throw new TemplateException("template failed to render", 0, 0, null);
    }
  }

  public void validate(String template) {
    compile(template);
  }

  private Template compile(String text) {
    try {
      Template t = cache.get(text);
      if (t == null) {
        t = handlebars.compileInline(text);
        cache.put(text, t);
      }
      return t;
    } catch (HandlebarsException e) {
      var error = e.getError();
      throw new TemplateException(
          error == null ? "syntax error" : error.reason,
          error == null ? 0 : error.line,
          error == null ? 0 : error.column,
          null);
    } catch (IOException e) {
      throw new TemplateException("syntax error", 0, 0, null);
    }
  }
}
