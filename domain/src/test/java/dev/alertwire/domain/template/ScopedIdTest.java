package dev.alertwire.domain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scoped-id check without a regex decides exactly as handlebars.js's /^\.|this\b/ does. */
class ScopedIdTest {
  private static final Pattern HANDLEBARS = Pattern.compile("^\\.|this(?![A-Za-z0-9_])");

  @Test
  void agreesWithTheRegexOnHandPickedNames() {
    for (String s : List.of("this", "./foo", ".", "..", "../foo", "this.foo", "this/foo", "thisfoo", "this_x", "this1",
        "foothis", "foo.this", "a-this", "athis.b", "thisthis", "thi", "th", "", "ALERT_TITLE", "AI_ANALYSIS_ROOT_CAUSE",
        "@index", "this-", "this[", "x.thisy.this")) {
      assertEquals(HANDLEBARS.matcher(s).find(), Renderer.scoped(s), s);
    }
  }

  @Test
  void agreesWithTheRegexOnRandomNames() {
    Random random = new Random(7);
    String alphabet = "thisTHIS._-/1@x ";
    List<String> names = new ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        b.append(random.nextInt(4) == 0 ? "this" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      names.add(b.toString());
    }
    for (String s : names) {
      assertEquals(HANDLEBARS.matcher(s).find(), Renderer.scoped(s), s);
    }
  }

  @Test
  void scopedNamesAreNotHelperCalls() {
    TemplateEngine engine = new TemplateEngine();
    // "thisIsIt" is a plain id: the helper of that name runs; "this" is scoped: the context is used.
    assertEquals("[x]", engine.render("[{{#with v}}{{this}}{{/with}}]", Map.of("v", "x")));
    assertEquals("[yes]", engine.render("[{{thisIsIt}}]", Map.of("thisIsIt", "yes")));
  }
}
