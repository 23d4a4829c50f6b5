package dev.alertwire.domain.template;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's relative date phrases: now, today, yesterday, tomorrow, "2 days ago",
 * "an hour ago", "in a month", "3 weeks", "1 year from now", "last week", "next month".
 */
final class RelativeDateParser {

  private static final String UNIT = "second|minute|hour|day|week|month|year";
  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
          Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
          Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
          Map.entry("twelve", 12));
  private static final String COUNT =
      "\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
  private static final String WS = "[" + JsValues.WHITESPACE_CLASS + "]";
  private static final Pattern AGO =
      Pattern.compile("^(" + COUNT + ")" + WS + "+(" + UNIT + ")s?" + WS + "+ago\\z");
  private static final Pattern FROM_NOW =
      Pattern.compile("^(?:in" + WS + "+)?(" + COUNT + ")" + WS + "+(" + UNIT + ")s?(?:" + WS
          + "+from" + WS + "+now)?\\z");
  private static final Pattern LAST_NEXT =
      Pattern.compile("^(last|next)" + WS + "+(" + UNIT + ")\\z");

  private RelativeDateParser() {}

  /** The date the phrase means, or null when the input is not a relative phrase. */
  static DayjsDate parse(String input, double nowMillis, java.time.ZoneId zone) {
    String e = JsValues.trim(input).toLowerCase(Locale.ROOT);
    DayjsDate now = DayjsDate.now(nowMillis, zone);
    switch (e) {
      case "now" -> {
        return now;
      }
      case "today" -> {
        return now.startOfDay();
      }
      case "yesterday" -> {
        return now.add(-1, "day").startOfDay();
      }
      case "tomorrow" -> {
        return now.add(1, "day").startOfDay();
      }
      default -> { }
    }
    Matcher m = AGO.matcher(e);
    if (m.find()) {
      return now.add(-count(m.group(1)), m.group(2));
    }
    m = FROM_NOW.matcher(e);
    if (m.find()) {
      return now.add(count(m.group(1)), m.group(2));
    }
    m = LAST_NEXT.matcher(e);
    if (m.find()) {
      return now.add(m.group(1).equals("last") ? -1 : 1, m.group(2));
    }
    return null;
  }

  private static double count(String word) {
    if (word.equals("a") || word.equals("an")) {
      return 1;
    }
    Integer n = WORDS.get(word);
    return n != null ? n : JsValues.stringToNumber(word);
  }
}
