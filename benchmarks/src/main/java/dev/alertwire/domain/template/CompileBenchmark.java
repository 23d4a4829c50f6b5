package dev.alertwire.domain.template;

import dev.alertwire.bench.render.RenderFixtures;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the compile cache saves: parse + render on every operation (the cache bypassed). Lives in the
 * engine's package (a split package, on the class path only) to reach the package-private parser.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CompileBenchmark {
  @Param({"opsgenie-full", "jira-contains", "ai-analysis"})
  public String template;

  private Map<String, Helper> helpers;
  private String text;
  private Map<String, Object> context;

  @Setup
  public void setUp() {
    TemplateEngine engine = new TemplateEngine();
    text = RenderFixtures.template(template);
    context = RenderFixtures.event();
    helpers = helpersOf(engine);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Helper> helpersOf(TemplateEngine engine) {
    try {
      java.lang.reflect.Field f = TemplateEngine.class.getDeclaredField("helpers");
      f.setAccessible(true);
      return (Map<String, Helper>) f.get(engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public String noCache() {
    return new Renderer(helpers, new RenderBudget()).renderMain(Parser.parse(text), context);
  }
}
