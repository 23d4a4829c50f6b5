package dev.alertwire.domain.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {
  @Test
  void aSubscriptionIsNameEqualsValue() {
    assertEquals(Optional.of("team=payments"), LabelMatcher.parse("team=payments"));
    assertEquals(Optional.of("team=payments"), LabelMatcher.parse(" team =payments"), "spaces around the name go");
    assertEquals(Optional.of("url=https://x.example/?a=b"), LabelMatcher.parse("url=https://x.example/?a=b"), "the first = splits");
    assertEquals(Optional.empty(), LabelMatcher.parse("team payments"));
    assertEquals(Optional.empty(), LabelMatcher.parse("team="));
    assertEquals(Optional.empty(), LabelMatcher.parse("=payments"));
    assertEquals(Optional.empty(), LabelMatcher.parse("9team=payments"));
    assertEquals(Optional.empty(), LabelMatcher.parse("team=" + "v".repeat(401)));
    assertEquals(Optional.empty(), LabelMatcher.parse(null));
  }

  @Test
  void anAlertsLabelsAreWrittenTheSameWay() {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("team", "payments");
    labels.put("severity", "critical");
    labels.put("count", 3L);
    labels.put("bad name", "x");
    assertEquals(List.of("team=payments", "severity=critical"), LabelMatcher.of(labels), "strings under names a subscription can hold");
    assertEquals(List.of(), LabelMatcher.of("not labels"));
    assertEquals(LabelMatcher.parse("team=payments").orElseThrow(), LabelMatcher.of(Map.of("team", "payments")).get(0));
  }
}
