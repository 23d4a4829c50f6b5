import dev.alertwire.domain.template.TemplateEngine;
import java.lang.management.ManagementFactory;

/**
 * The heap the compiled-template cache holds after a viewer sends N distinct large templates (each a preview
 * of a 60 KiB body full of mustaches). Usage (after mvn -q -pl domain compile):
 *   java -Xmx2g -cp domain/target/classes scripts/bench/CompileCacheHeap.java [templates=300]
 */
public class CompileCacheHeap {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    TemplateEngine engine = new TemplateEngine();
    long before = used();
    for (int i = 0; i < count; i++) {
      engine.validate(i + " " + "{{ALERT_TITLE}} x ".repeat(3_400));
    }
    long after = used();
    System.out.printf("%d distinct 60 KiB templates compiled: the cache holds %.0f MB of heap%n", count, (after - before) / 1e6);
    System.out.println(engine.hashCode() == 0 ? "" : "");
  }

  private static long used() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }
}
