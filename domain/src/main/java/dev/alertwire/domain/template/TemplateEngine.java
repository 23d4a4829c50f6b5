package dev.alertwire.domain.template;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders webhook templates exactly as the hosted product's engine does (handlebars.js 4.7 with
 * Checkly's curated helpers, dayjs dates), so templates users wrote there work unchanged.
 *
 * <p>Thread-safe; one instance is meant to be shared. Compiled templates are kept in an LRU cache keyed by
 * the template text, bounded both in entries and in the total length of the texts it holds (a compiled
 * template takes memory in proportion to its text), so distinct large templates sent to the preview cannot
 * fill the heap; a text longer than {@link #CACHE_MAX_TEMPLATE} is compiled each time and never cached.
 */
public final class TemplateEngine {

  /** How many compiled templates are kept. */
  public static final int CACHE_SIZE = 2048;

  /** The total length of the template texts whose compiled forms are kept (characters). */
  public static final long CACHE_CHARACTERS = 2L * 1024 * 1024;

  /** Longer texts are not cached: a channel body of this size is rare, and compiling it again is cheap. */
  public static final int CACHE_MAX_TEMPLATE = 64 * 1024;

  private final Map<String, Helper> helpers;
  private final Map<String, Ast.Program> cache;
  private long cachedCharacters;

  /** System clock, dates in UTC. */
  public TemplateEngine() {
    this(Clock.systemUTC(), ZoneOffset.UTC);
  }

  /**
   * @param clock what "now" is for date helpers
   * @param zone the zone dates are read and formatted in (the reference uses the server's zone)
   */
  public TemplateEngine(Clock clock, ZoneId zone) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
    Map<String, Helper> all = new HashMap<>();
    BuiltInHelpers.register(all);
    ComparisonHelpers.register(all);
    CustomHelpers.register(all);
    DateHelpers.register(all, clock, zone);
    this.helpers = Map.copyOf(all);
    this.cache = Collections.synchronizedMap(
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Ast.Program> eldest) {
            return false; // trimmed by compile(), which knows the total length
          }
        });
  }

  /**
   * Renders the template against the context (values as a JSON parser gives them: String,
   * Boolean, Number, null, List, Map).
   *
   * @throws TemplateException on a syntax error or when a helper fails (unknown helper called with
   *     arguments, unparseable date, bad compare operator, ...)
   */
  public String render(String template, Map<String, Object> context) {
    return render(template, context, new RenderBudget());
  }

  /**
   * Renders as {@link #render(String, Map)}, drawing on a budget shared with the other renderings of the same
   * request.
   *
   * @throws TemplateException also when the shared budget runs out
   */
  public String render(String template, Map<String, Object> context, RenderBudget budget) {
    Objects.requireNonNull(template, "template");
    Ast.Program program = compile(template);
    Object root = context == null ? JsValues.UNDEFINED : context;
    try {
      return new Renderer(helpers, budget).renderMain(program, root);
    } catch (StackOverflowError e) {
      throw new TemplateException("Template nesting is too deep");
    }
  }

  /**
   * Compiles the template without rendering it.
   *
   * @throws TemplateException on a syntax error, with its line and column
   */
  public void validate(String template) {
    Objects.requireNonNull(template, "template");
    compile(template);
  }

  /** Number of compiled templates currently cached. */
  int cachedTemplates() {
    return cache.size();
  }

  /** Total length of the cached templates' texts. */
  long cachedCharacters() {
    synchronized (cache) {
      return cachedCharacters;
    }
  }

  /** The compiled form, from the cache or parsed now. */
  Ast.Program compile(String template) {
    Ast.Program program = cache.get(template);
    if (program != null) {
      return program;
    }
    Ast.Program parsed = Parser.parse(template);
    if (template.length() > CACHE_MAX_TEMPLATE) {
      return parsed;
    }
    synchronized (cache) {
      Ast.Program raced = cache.putIfAbsent(template, parsed);
      if (raced != null) {
        return raced;
      }
      cachedCharacters += template.length();
      var eldest = cache.entrySet().iterator();
      while ((cache.size() > CACHE_SIZE || cachedCharacters > CACHE_CHARACTERS) && eldest.hasNext()) {
        String key = eldest.next().getKey();
        if (key.equals(template)) {
          continue;
        }
        cachedCharacters -= key.length();
        eldest.remove();
      }
      return parsed;
    }
  }
}
