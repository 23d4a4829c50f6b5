package dev.alertwire.domain.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dayjs 1.11 {@code format()} with the advancedFormat plugin (and nothing else) in the English
 * locale: tokens like YYYY-MM-DD HH:mm:ss, Do, Q, X, x, k, text in [brackets]. Tokens that need a
 * plugin the reference does not load (w, W, gggg, GGGG, z) fail there, so they fail here.
 */
final class DayjsFormatter {

  static final String DEFAULT_FORMAT = "YYYY-MM-DDTHH:mm:ssZ";

  private static final String[] WEEKDAYS =
      {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  private static final String[] MONTHS =
      {"January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"};

  private static final Pattern ADVANCED =
      Pattern.compile("\\[([^\\]]+)]|Q|wo|ww|w|WW|W|zzz|z|gggg|GGGG|Do|X|x|k{1,2}|S");
  private static final Pattern BASE =
      Pattern.compile(
          "\\[([^\\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS");

  private DayjsFormatter() {}

  /** {@code date.format(format)}; format is whatever the template passed (may be non-string). */
  static String format(DayjsDate date, Object format) {
    if (!date.isValid()) {
      return "Invalid Date";
    }
    String str;
    if (!JsValues.truthy(format)) {
      str = DEFAULT_FORMAT;
    } else if (format instanceof String s) {
      str = s;
    } else {
      throw new TemplateException("Date format must be a string");
    }
    JsDate.Fields f = date.fields();
    String zone = zoneString(date);
    String advanced = replace(ADVANCED, str, m -> advancedToken(m, date, f));
    return replace(BASE, advanced, m -> {
      if (m.group(1) != null) {
        return m.group(1);
      }
      String value = baseToken(m.group(), f, zone);
      return value != null ? value : zone.replace(":", "");
    });
  }

  private interface Replacer {
    String apply(Matcher m);
  }

  private static String replace(Pattern pattern, String input, Replacer replacer) {
    Matcher m = pattern.matcher(input);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(input, last, m.start()).append(replacer.apply(m));
      last = m.end();
    }
    return out.append(input, last, input.length()).toString();
  }

  private static String advancedToken(Matcher m, DayjsDate date, JsDate.Fields f) {
    String token = m.group();
    switch (token) {
      case "Q":
        return String.valueOf((int) Math.ceil((f.month() + 1) / 3.0));
      case "Do":
        return "[" + f.day() + ordinalSuffix(f.day()) + "]";
      case "k":
      case "kk":
        return padStart(String.valueOf(f.hour() == 0 ? 24 : f.hour()), token.length());
      case "X":
        return JsValues.numberToString(Math.floor(date.time / 1000));
      case "x":
        return JsValues.numberToString(date.time);
      case "gggg", "GGGG", "wo", "w", "ww", "W", "WW", "z", "zzz":
        throw new TemplateException(
            "Date format token \"" + token + "\" is not supported (week and zone-name tokens)");
      default:
        return token;
    }
  }

  private static String ordinalSuffix(int n) {
    String[] s = {"th", "st", "nd", "rd"};
    int v = n % 100;
    int i = (v - 20) % 10;
    if (i >= 0 && i < 4) {
      return s[i];
    }
    return v >= 0 && v < 4 ? s[v] : s[0];
  }

  private static String baseToken(String token, JsDate.Fields f, String zone) {
    int h = f.hour();
    return switch (token) {
      case "YY" -> {
        String y = String.valueOf(f.year());
        yield y.length() > 2 ? y.substring(y.length() - 2) : y;
      }
      case "YYYY" -> padStart(String.valueOf(f.year()), 4);
      case "M" -> String.valueOf(f.month() + 1);
      case "MM" -> padStart(String.valueOf(f.month() + 1), 2);
      case "MMM" -> MONTHS[f.month()].substring(0, 3);
      case "MMMM" -> MONTHS[f.month()];
      case "D" -> String.valueOf(f.day());
      case "DD" -> padStart(String.valueOf(f.day()), 2);
      case "d" -> String.valueOf(f.weekday());
      case "dd" -> WEEKDAYS[f.weekday()].substring(0, 2);
      case "ddd" -> WEEKDAYS[f.weekday()].substring(0, 3);
      case "dddd" -> WEEKDAYS[f.weekday()];
      case "H" -> String.valueOf(h);
      case "HH" -> padStart(String.valueOf(h), 2);
      case "h" -> padStart(String.valueOf(h % 12 == 0 ? 12 : h % 12), 1);
      case "hh" -> padStart(String.valueOf(h % 12 == 0 ? 12 : h % 12), 2);
      case "a" -> h < 12 ? "am" : "pm";
      case "A" -> h < 12 ? "AM" : "PM";
      case "m" -> String.valueOf(f.minute());
      case "mm" -> padStart(String.valueOf(f.minute()), 2);
      case "s" -> String.valueOf(f.second());
      case "ss" -> padStart(String.valueOf(f.second()), 2);
      case "SSS" -> padStart(String.valueOf(f.millisecond()), 3);
      case "Z" -> zone;
      default -> null;
    };
  }

  /** dayjs padStart: left-pad with zeros (a "-5" year becomes "00-5", as in dayjs). */
  static String padStart(String s, int length) {
    if (s.isEmpty() || s.length() >= length) {
      return s;
    }
    return "0".repeat(length - s.length()) + s;
  }

  /** "+02:00" style offset, from dayjs's quarter-hour-rounded utcOffset. */
  static String zoneString(DayjsDate date) {
    double negMinutes = -date.utcOffsetMinutes();
    double minutes = Math.abs(negMinutes);
    int hourOffset = (int) Math.floor(minutes / 60);
    int minuteOffset = (int) (minutes % 60);
    return (negMinutes <= 0 ? "+" : "-") + padStart(String.valueOf(hourOffset), 2) + ":"
        + padStart(String.valueOf(minuteOffset), 2);
  }
}
