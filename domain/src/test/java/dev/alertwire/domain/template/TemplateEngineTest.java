package dev.alertwire.domain.template;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

  private final TemplateEngine engine = new TemplateEngine(
      Clock.fixed(Instant.parse("2026-06-15T12:34:56.789Z"), ZoneOffset.UTC), ZoneOffset.UTC);

  @Test
  void unclosedMustacheReportsTheOffendingToken() {
    TemplateException e = assertThrows(TemplateException.class,
        () -> engine.validate("Hello\n{{CHECK_NAME "));
    assertEquals(2, e.line());
    assertEquals(14, e.column());
    // Like handlebars.js, a name running into the end of the template is not a name.
    TemplateException atName = assertThrows(TemplateException.class,
        () -> engine.validate("Hello\n{{CHECK_NAME"));
    assertEquals(2, atName.line());
    assertEquals(3, atName.column());
  }

  @Test
  void mismatchedBlockReportsTheOpeningBlock() {
    TemplateException e = assertThrows(TemplateException.class,
        () -> engine.validate("a\n  {{#if x}}\n{{/each}}"));
    assertEquals(2, e.line());
    assertEquals(6, e.column());
    assertTrue(e.getMessage().contains("if") && e.getMessage().contains("each"), e.getMessage());
  }

  @Test
  void helperErrorReportsTheStatement() {
    TemplateException e = assertThrows(TemplateException.class,
        () -> engine.render("line one\n  x {{ne a b}}", Map.of("a", 1, "b", 2)));
    assertEquals(2, e.line());
    assertEquals(5, e.column());
    assertTrue(e.getMessage().contains("\"ne\""), e.getMessage());
  }

  @Test
  void validateAcceptsValidTemplatesWithoutRendering() {
    assertDoesNotThrow(() -> engine.validate("{{#each TAGS}}{{ne this 1}}{{/each}}"));
  }

  @Test
  void errorMessagesDoNotLeakContextValues() {
    String secret = "sk_live_Secret123";
    Map<String, Object> context = Map.of("TOKEN", secret, "OP", secret, "N", 2.5);
    for (String template : List.of("{{moment TOKEN \"YYYY\"}}", "{{compare 1 OP 2}}",
        "{{ne TOKEN 1}}", "{{TOKEN 1}}", "{{#ifEven N}}x{{/ifEven}}", "{{split N \"-\"}}",
        "{{#each TOKEN 1}}{{/each}}", "{{moment \"YYYY\" TOKEN}}")) {
      TemplateException e = assertThrows(TemplateException.class,
          () -> engine.render(template, context), template);
      assertFalse(e.getMessage().contains(secret), e.getMessage());
    }
  }

  @Test
  void literalDateInTheTemplateIsNamedInTheError() {
    TemplateException e = assertThrows(TemplateException.class,
        () -> engine.render("{{moment \"xyz\" \"YYYY\"}}", Map.of()));
    assertTrue(e.getMessage().contains("\"xyz\""), e.getMessage());
  }

  @Test
  void compiledTemplatesAreCachedAndReused() {
    TemplateEngine fresh = new TemplateEngine();
    String template = "Hi {{name}}";
    assertEquals("Hi A", fresh.render(template, Map.of("name", "A")));
    assertEquals("Hi B", fresh.render(template, Map.of("name", "B")));
    assertEquals(1, fresh.cachedTemplates());
    assertSame(fresh.compile(template), fresh.compile(template));
  }

  @Test
  void cacheIsBounded() {
    TemplateEngine fresh = new TemplateEngine();
    for (int i = 0; i < TemplateEngine.CACHE_SIZE + 50; i++) {
      fresh.validate("template " + i + " {{x}}");
    }
    assertEquals(TemplateEngine.CACHE_SIZE, fresh.cachedTemplates());
  }

  @Test
  void cacheIsBoundedByTheLengthOfWhatItHoldsNotOnlyByCount() {
    TemplateEngine fresh = new TemplateEngine();
    String filler = "x".repeat(60 * 1024);
    for (int i = 0; i < 200; i++) {
      fresh.validate(i + filler + "{{x}}");
    }
    // 200 distinct 60 KiB templates (12 MB of text) would all be kept by a count-only bound of 2,048.
    assertTrue(fresh.cachedCharacters() <= TemplateEngine.CACHE_CHARACTERS, "cached " + fresh.cachedCharacters());
    assertTrue(fresh.cachedTemplates() < 200, "cached " + fresh.cachedTemplates() + " templates");
    String huge = "y".repeat(TemplateEngine.CACHE_MAX_TEMPLATE + 1) + "{{x}}";
    int before = fresh.cachedTemplates();
    assertEquals("y".repeat(TemplateEngine.CACHE_MAX_TEMPLATE + 1) + "1", fresh.render(huge, Map.of("x", 1)));
    assertEquals(before, fresh.cachedTemplates(), "a template over the per-entry limit is not cached");
  }

  @Test
  void oneBudgetIsSharedByEveryRenderingOfARequest() {
    TemplateEngine fresh = new TemplateEngine();
    RenderBudget budget = new RenderBudget(1_000, RenderBudget.MAX_OUTPUT);
    String loop = "{{#each items}}{{this}}{{/each}}";
    Map<String, Object> context = Map.of("items", java.util.Collections.nCopies(100, "a"));
    // One rendering takes about 200 steps: alone it fits, five in a row on one budget do not.
    fresh.render(loop, context, new RenderBudget(1_000, RenderBudget.MAX_OUTPUT));
    TemplateException e = assertThrows(TemplateException.class, () -> {
      for (int i = 0; i < 10; i++) {
        fresh.render(loop, context, budget);
      }
    });
    assertTrue(e.getMessage().contains("rendering steps"), e.getMessage());
  }

  @Test
  void rendersFromManyThreadsAtOnce() throws Exception {
    List<String> templates = List.of(
        "{{#each items}}{{@index}}:{{this}}{{#unless @last}},{{/unless}}{{/each}}",
        "{{#if (eq kind \"a\")}}A{{else}}B{{/if}} {{moment \"YYYY-MM-DD\"}}",
        "{{tagValue tags \"team\" \"none\"}}/{{default missing n}}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int worker = t;
        jobs.add(() -> {
          for (int i = 0; i < 300; i++) {
            int n = worker * 1000 + i;
            Map<String, Object> context = Map.of("items", List.of(n, n + 1), "kind",
                n % 2 == 0 ? "a" : "b", "tags", List.of("team:t" + n), "n", n);
            String expected0 = "0:" + n + ",1:" + (n + 1);
            String expected1 = (n % 2 == 0 ? "A" : "B") + " 2026-06-15";
            String expected2 = "t" + n + "/" + n;
            if (!engine.render(templates.get(0), context).equals(expected0)
                || !engine.render(templates.get(1), context).equals(expected1)
                || !engine.render(templates.get(2), context).equals(expected2)) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> result : pool.invokeAll(jobs)) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void defaultEngineUsesTheSystemClockInUtc() {
    String year = new TemplateEngine().render("{{year}}", Map.of());
    assertEquals(String.valueOf(Year.now(ZoneOffset.UTC).getValue()), year);
  }

  @Test
  void zoneAppliesToDates() {
    TemplateEngine berlin = new TemplateEngine(
        Clock.fixed(Instant.parse("2026-06-15T12:34:56.789Z"), ZoneOffset.UTC),
        ZoneId.of("Europe/Berlin"));
    assertEquals("14:34 +02:00", berlin.render("{{moment \"HH:mm Z\"}}", Map.of()));
  }

  @Test
  void valuesPrintLikeJavaScript() {
    Map<String, Object> context = Map.of("a", 5L, "b", 1e21, "c", new java.math.BigDecimal("1.50"),
        "d", List.of(1, List.of(2, 3)), "e", Map.of("k", "v"), "f", false);
    assertEquals("5|1e+21|1.5|1,2,3|[object Object]|false",
        engine.render("{{a}}|{{b}}|{{c}}|{{d}}|{{e}}|{{f}}", context));
  }

  @Test
  void missingVariableIsEmptyButUnknownHelperWithArgumentsFails() {
    assertEquals("[]", engine.render("[{{nope}}]", Map.of()));
    assertThrows(TemplateException.class, () -> engine.render("{{nope 1}}", Map.of()));
  }
}
