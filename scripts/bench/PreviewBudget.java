import dev.alertwire.domain.template.RenderBudget;
import dev.alertwire.domain.template.TemplateEngine;
import dev.alertwire.domain.template.TemplateException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What one hostile preview costs: N header values, each a loop inside a loop over a list, rendered (a) as
 * before issue #12, each field with a budget of its own, and (b) as now, all fields drawing on one budget per
 * request. Same engine, same run. Usage (after mvn -q -pl domain compile):
 *   java -cp domain/target/classes scripts/bench/PreviewBudget.java [headers=100] [items=2000]
 */
public class PreviewBudget {
  public static void main(String[] args) {
    int headers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    TemplateEngine engine = new TemplateEngine();
    String heavy = "{{#each L}}{{#each @root.L}}.{{/each}}{{/each}}";
    Map<String, Object> context = Map.of("L", Collections.nCopies(items, "a"));
    engine.validate(heavy);

    long started = System.nanoTime();
    int refused = 0;
    for (int i = 0; i < headers; i++) {
      try {
        engine.render(heavy, context, new RenderBudget());
      } catch (TemplateException e) {
        refused++;
      }
    }
    double perField = (System.nanoTime() - started) / 1e9;

    started = System.nanoTime();
    RenderBudget shared = new RenderBudget();
    int rendered = 0;
    try {
      for (int i = 0; i < headers; i++) {
        engine.render(heavy, context, shared);
        rendered++;
      }
    } catch (TemplateException e) {
      // the request's budget is spent: the preview answers with this error
    }
    double perRequest = (System.nanoTime() - started) / 1e9;
    System.out.printf("%d header values, each a loop in a loop over %d items%n", headers, items);
    System.out.printf("  budget per field (before): %6.2f s of CPU, %d fields stopped by their own budget%n", perField, refused);
    System.out.printf("  budget per request (now):  %6.2f s of CPU, stopped after %d fields, %d rendering steps%n", perRequest, rendered, shared.steps());
  }
}
