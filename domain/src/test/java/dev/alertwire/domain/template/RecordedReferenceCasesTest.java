package dev.alertwire.domain.template;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Edge cases beyond the shared conformance set (number printing, helper argument juggling, the
 * date parser, whitespace control), with outputs recorded from the reference engine
 * ({@code @checkly/handlebars} 0.0.13 under Node) in several time zones. Same format as the
 * conformance files.
 */
class RecordedReferenceCasesTest {

  @TestFactory
  Stream<DynamicTest> recordedCases() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("reference-recorded-cases.json")) {
      assertNotNull(in, "reference-recorded-cases.json is missing");
      return HandlebarsConformanceTest.casesOf(
          HandlebarsConformanceTest.read(new InputStreamReader(in, StandardCharsets.UTF_8)))
          .stream();
    }
  }
}
