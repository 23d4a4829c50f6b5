package dev.alertwire.domain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A template must not hold a thread for hours or fill the heap: each inside each over a large array. */
class RenderBudgetTest {
  private final TemplateEngine engine = new TemplateEngine();
  private static final Duration QUICKLY = Duration.ofSeconds(20);

  private static List<Object> items(int n) {
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add("t" + i);
    }
    return list;
  }

  @Test
  void eachInsideEachWithOutputStopsWithATemplateError() {
    Map<String, Object> context = Map.of("TAGS", items(100_000));
    TemplateException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TemplateException.class,
        () -> engine.render("{\"x\": \"{{#each TAGS}}{{#each @root.TAGS}}{{this}}{{/each}}{{/each}}\"}", context)));
    assertTrue(e.getMessage().contains("loop inside a loop"), e.getMessage());
    assertEquals(1, e.line());
  }

  @Test
  void eachInsideEachWithoutOutputStopsToo() {
    Map<String, Object> context = Map.of("TAGS", items(100_000));
    assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TemplateException.class,
        () -> engine.render("{{#each TAGS}}{{#each @root.TAGS}}{{/each}}{{/each}}", context)));
    assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TemplateException.class,
        () -> engine.render("{{#each TAGS}}{{#each @root.TAGS}}{{else}}none{{/each}}{{/each}}", context)));
  }

  @Test
  void splitOfAVariableNestedThreeDeepStops() {
    String list = IntStream.range(0, 5_000).mapToObj(i -> "i").collect(Collectors.joining(","));
    String t = "{{#each (split V \",\" -1)}}{{#each (split @root.V \",\" -1)}}{{#each (split @root.V \",\" -1)}}"
        + "{{this}}{{/each}}{{/each}}{{/each}}";
    assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TemplateException.class, () -> engine.render(t, Map.of("V", list))));
  }

  @Test
  void deeplyNestedLoopsOverASmallArrayStop() {
    String t = "{{#each @root.TAGS}}".repeat(25) + "." + "{{/each}}".repeat(25);
    assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TemplateException.class,
        () -> engine.render(t, Map.of("TAGS", List.of("a", "b", "c")))));
  }

  @Test
  void manyCopiesOfALargeValueStop() {
    String big = "x".repeat(10_000);
    String t = "{{V}}".repeat(100_000); // 500 KB of template, 1 billion characters of output
    TemplateException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TemplateException.class,
        () -> engine.render(t, Map.of("V", big))));
    assertTrue(e.getMessage().contains("MiB"), e.getMessage());
  }

  @Test
  void aLargeButRealAlertStillRenders() {
    // One loop over 100,000 tags with a few statements per item, and 8 MiB of output from one value.
    Map<String, Object> context = Map.of("TAGS", items(100_000), "BIG", "y".repeat(8 * 1024 * 1024));
    String tags = assertTimeoutPreemptively(QUICKLY,
        () -> engine.render("[{{#each TAGS}}\"{{this}}\"{{#unless @last}},{{/unless}}{{/each}}]", context));
    assertTrue(tags.startsWith("[\"t0\",\"t1\"") && tags.endsWith("\"t99999\"]"));
    assertEquals(8 * 1024 * 1024 + 2, engine.render("<{{BIG}}>", context).length());
  }
}
