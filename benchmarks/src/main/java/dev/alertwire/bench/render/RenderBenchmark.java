package dev.alertwire.bench.render;

import dev.alertwire.domain.template.TemplateEngine;
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
 * Renders per second on one thread, compile cache warm: the template was compiled once in setup and each
 * operation is what the dispatcher does per delivery body (cache look-up by the template text + render).
 * Iterations and forks come from the command line (scripts/bench/render.sh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RenderBenchmark {
  @Param({"opsgenie-full", "jira-contains", "ai-analysis"})
  public String template;

  private TemplateEngine engine;
  private String text;
  private Map<String, Object> context;

  @Setup
  public void setUp() {
    engine = new TemplateEngine();
    text = RenderFixtures.template(template);
    context = RenderFixtures.event();
    engine.render(text, context); // compiled once: the cache is warm from here on
  }

  @Benchmark
  public String warmCache() {
    return engine.render(text, context);
  }
}
