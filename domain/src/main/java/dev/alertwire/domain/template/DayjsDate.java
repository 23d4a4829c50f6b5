package dev.alertwire.domain.template;

import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dayjs 1.11 instance: a time value (NaN = Invalid Date) read in local time, with dayjs's parsing
 * of strings and its add/startOf arithmetic (months clamp to the month's last day, days keep the
 * wall-clock time, hours/minutes/seconds add absolute time).
 */
final class DayjsDate {

  private static final Pattern REGEX_PARSE =
      Pattern.compile(
          "^(\\d{4})[-/]?(\\d{1,2})?[-/]?(\\d{0,2})[Tt" + JsValues.WHITESPACE_CLASS
              + "]*(\\d{1,2})?:?(\\d{1,2})?:?(\\d{1,2})?[.:]?(\\d+)?\\z");

  final double time;
  final ZoneId zone;

  DayjsDate(double time, ZoneId zone) {
    this.time = time;
    this.zone = zone;
  }

  static DayjsDate now(double nowMillis, ZoneId zone) {
    return new DayjsDate(nowMillis, zone);
  }

  boolean isValid() {
    return !Double.isNaN(time);
  }

  JsDate.Fields fields() {
    return JsDate.fields(time, zone);
  }

  /** {@code dayjs(value)}: strings as dayjs parses them, numbers as timestamps, null invalid. */
  static DayjsDate of(Object value, double nowMillis, ZoneId zone) {
    if (value == null) {
      return new DayjsDate(Double.NaN, zone);
    }
    if (value == JsValues.UNDEFINED) {
      return new DayjsDate(nowMillis, zone);
    }
    if (value instanceof String s) {
      return parse(s, zone);
    }
    return new DayjsDate(newDate(value, zone), zone);
  }

  /** {@code new Date(value)} for a non-string value. */
  private static double newDate(Object value, ZoneId zone) {
    Object primitive = JsValues.toPrimitive(value);
    if (primitive instanceof String s) {
      return JsDateParser.parse(s, zone);
    }
    return JsDate.timeClip(JsValues.toNumber(primitive));
  }

  private static DayjsDate parse(String s, ZoneId zone) {
    boolean endsWithZ = !s.isEmpty() && (s.endsWith("Z") || s.endsWith("z"));
    if (!endsWithZ) {
      Matcher m = REGEX_PARSE.matcher(s);
      if (m.find()) {
        // dayjs's own parse: local time; fraction digits are milliseconds as written ("5" = 5ms).
        double month = JsValues.toNumber(group(m, 2)) - 1;
        if (Double.isNaN(month) || month == 0) {
          month = 0;
        }
        String ms = m.group(7) == null ? "0" : m.group(7);
        ms = ms.length() > 3 ? ms.substring(0, 3) : ms;
        double t = JsDate.construct(
            JsValues.toNumber(m.group(1)), month,
            orDefault(m.group(3), 1), orDefault(m.group(4), 0), orDefault(m.group(5), 0),
            orDefault(m.group(6), 0), JsValues.toNumber(ms), zone);
        return new DayjsDate(t, zone);
      }
    }
    return new DayjsDate(JsDateParser.parse(s, zone), zone);
  }

  private static Object group(Matcher m, int i) {
    return m.group(i) == null ? JsValues.UNDEFINED : m.group(i);
  }

  /** JavaScript {@code value || fallback} for an optional regex group, then ToNumber. */
  private static double orDefault(String group, double fallback) {
    if (group == null || group.isEmpty()) {
      return fallback;
    }
    return JsValues.toNumber(group);
  }

  // ---- arithmetic ----

  private DayjsDate withTime(double t) {
    return new DayjsDate(JsDate.timeClip(t), zone);
  }

  /** Date.prototype.setDate in local time. */
  private double setDate(double t, double date) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    JsDate.Fields f = JsDate.fields(t, zone);
    return JsDate.local(f.year(), f.month(), date, f.hour(), f.minute(), f.second(),
        f.millisecond(), zone);
  }

  private double setMonth(double t, double month) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    JsDate.Fields f = JsDate.fields(t, zone);
    return JsDate.local(f.year(), month, f.day(), f.hour(), f.minute(), f.second(),
        f.millisecond(), zone);
  }

  private double setFullYear(double t, double year) {
    JsDate.Fields f = Double.isNaN(t) ? JsDate.fields(0, zone) : JsDate.fields(t, zone);
    return JsDate.local(year, f.month(), f.day(), f.hour(), f.minute(), f.second(),
        f.millisecond(), zone);
  }

  /** dayjs add(number, unit) for the units the relative phrases use. */
  DayjsDate add(double number, String unit) {
    switch (unit) {
      case "month", "year" -> {
        if (!isValid()) {
          return this;
        }
        JsDate.Fields f = fields();
        double target = unit.equals("month") ? f.month() + number : f.year() + number;
        double first = setDate(time, 1);
        double moved = unit.equals("month") ? setMonth(first, target) : setFullYear(first, target);
        if (Double.isNaN(moved)) {
          return withTime(Double.NaN);
        }
        JsDate.Fields m = JsDate.fields(moved, zone);
        int daysInMonth = daysInMonth(m);
        return withTime(setDate(moved, Math.min(f.day(), daysInMonth)));
      }
      case "day", "week" -> {
        if (!isValid()) {
          return this;
        }
        double step = unit.equals("day") ? 1 : 7;
        return withTime(setDate(time, fields().day() + JsValues.round(step * number)));
      }
      default -> {
        double step = switch (unit) {
          case "minute" -> 60_000d;
          case "hour" -> 3_600_000d;
          case "second" -> 1000d;
          default -> 1d;
        };
        return withTime(time + number * step);
      }
    }
  }

  /** dayjs daysInMonth: the date of {@code new Date(y, m + 1, 0)}. */
  private int daysInMonth(JsDate.Fields f) {
    double last = JsDate.construct(f.year(), f.month() + 1, 0, 0, 0, 0, 0, zone);
    return Double.isNaN(last) ? 31 : JsDate.fields(last, zone).day();
  }

  /** dayjs startOf('day'): local midnight. */
  DayjsDate startOfDay() {
    if (!isValid()) {
      return this;
    }
    JsDate.Fields f = fields();
    return withTime(JsDate.local(f.year(), f.month(), f.day(), 0, 0, 0, 0, zone));
  }

  /** dayjs utcOffset(): minutes, rounded to a quarter hour like dayjs does. */
  double utcOffsetMinutes() {
    // Date.prototype.getTimezoneOffset: whole minutes, truncated (matters for historic LMT offsets).
    double timezoneOffset = -fields().offsetSeconds() / 60;
    double rounded = JsValues.round(timezoneOffset / 15) * 15;
    return rounded == 0 ? 0 : -rounded;
  }

}
