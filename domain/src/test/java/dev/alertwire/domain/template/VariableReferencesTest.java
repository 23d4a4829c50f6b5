package dev.alertwire.domain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableReferencesTest {
  private static List<String> names(String template) {
    return List.copyOf(VariableReferences.upperCaseNames(template));
  }

  @Test
  void plainTripleAndTrimmedTagsNameTheirVariable() {
    assertEquals(List.of("ALERT_TITLE", "OPSGENIE_API_KEY", "CHECK_NAME"),
        names("{\"m\": \"{{ALERT_TITLE}}\"} GenieKey {{{OPSGENIE_API_KEY}}} {{~ CHECK_NAME ~}} {{ALERT_TITLE}}"));
  }

  @Test
  void helperArgumentsAndHashValuesCountButStringsHelpersAndItemFieldsDoNot() {
    assertEquals(List.of("ALERT_TYPE", "TAGS", "RESPONSE_TIME", "TEAM"),
        names("{{#eq ALERT_TYPE 'ALERT_RECOVERY'}}up{{else}}down{{/eq}} {{#each TAGS}}{{this}} {{name}}{{/each}}"
            + " {{#if (gt RESPONSE_TIME 500)}}slow{{/if}} {{date format=\"YYYY\" team=TEAM}}"));
  }

  @Test
  void commentsPartialsAndTextOutsideTagsAreIgnored() {
    assertEquals(List.of(), names("NOT_A_TAG {{! MISSING_ONE }} {{!-- ALSO_MISSING --}} {{> PARTIAL_NAME}}"));
    assertEquals(List.of(), names(null));
  }
}
