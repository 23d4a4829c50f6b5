package dev.alertwire.domain.template;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * JavaScript Date arithmetic in a time zone: a time value is epoch milliseconds (NaN when
 * invalid), local fields are read in the zone, and local fields are turned back into a time value
 * with JavaScript's overflow rules (month 13, day 0, ...) and its choice in DST gaps and overlaps.
 */
final class JsDate {

  static final double MAX_TIME = 8.64e15;

  private JsDate() {}

  /** Local calendar fields of a valid time value. Month is 0-based, weekday 0 = Sunday. */
  record Fields(int year, int month, int day, int weekday, int hour, int minute, int second,
      int millisecond, int offsetSeconds) {}

  static Fields fields(double time, ZoneId zone) {
    long ms = (long) time;
    ZonedDateTime z = Instant.ofEpochMilli(ms).atZone(zone);
    return new Fields(z.getYear(), z.getMonthValue() - 1, z.getDayOfMonth(),
        z.getDayOfWeek().getValue() % 7, z.getHour(), z.getMinute(), z.getSecond(),
        (int) Math.floorMod(ms, 1000L), z.getOffset().getTotalSeconds());
  }

  /** JavaScript TimeClip. */
  static double timeClip(double time) {
    if (!Double.isFinite(time) || Math.abs(time) > MAX_TIME) {
      return Double.NaN;
    }
    double t = time < 0 ? Math.ceil(time) : Math.floor(time);
    return t == 0 ? 0 : t;
  }

  private static double toInteger(double d) {
    if (Double.isNaN(d)) {
      return 0;
    }
    return d < 0 ? Math.ceil(d) : Math.floor(d);
  }

  /** JavaScript MakeDay: days since the epoch for a (possibly overflowing) year/month/date. */
  static double makeDay(double year, double month, double date) {
    if (!Double.isFinite(year) || !Double.isFinite(month) || !Double.isFinite(date)) {
      return Double.NaN;
    }
    double y = toInteger(year);
    double m = toInteger(month);
    double dt = toInteger(date);
    double ym = y + Math.floor(m / 12);
    if (Math.abs(ym) > 400_000) {
      return Double.NaN;
    }
    int mn = (int) (((m % 12) + 12) % 12);
    long days = daysFromCivil((long) ym, mn + 1, 1);
    return days + dt - 1;
  }

  /** JavaScript MakeTime. */
  static double makeTime(double hour, double minute, double second, double ms) {
    if (!Double.isFinite(hour) || !Double.isFinite(minute) || !Double.isFinite(second)
        || !Double.isFinite(ms)) {
      return Double.NaN;
    }
    return toInteger(hour) * 3_600_000d + toInteger(minute) * 60_000d + toInteger(second) * 1000d
        + toInteger(ms);
  }

  static double makeDate(double day, double time) {
    if (!Double.isFinite(day) || !Double.isFinite(time)) {
      return Double.NaN;
    }
    double tv = day * 86_400_000d + time;
    return Math.abs(tv) > MAX_TIME * 2 ? Double.NaN : tv;
  }

  /** Local time value to UTC in the zone (a gap moves forward, an overlap takes the earlier). */
  static double localToUtc(double local, ZoneId zone) {
    if (!Double.isFinite(local) || Math.abs(local) > MAX_TIME + 864_000_000d) {
      return Double.NaN;
    }
    long ms = (long) local;
    LocalDateTime ldt =
        LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000L), 0, ZoneOffset.UTC)
            .plusNanos(Math.floorMod(ms, 1000L) * 1_000_000L);
    ZonedDateTime zoned = ZonedDateTime.ofLocal(ldt, zone, null);
    return zoned.toInstant().toEpochMilli();
  }

  /** {@code new Date(y, m, d, h, mi, s, ms)}: two-digit years mean 19xx, fields may overflow. */
  static double construct(double year, double month, double day, double hour, double minute,
      double second, double ms, ZoneId zone) {
    double y = year;
    if (Double.isFinite(y)) {
      double yi = toInteger(y);
      if (yi >= 0 && yi <= 99) {
        y = 1900 + yi;
      }
    }
    return local(y, month, day, hour, minute, second, ms, zone);
  }

  /** Local fields to a clipped time value, without the two-digit-year rule (setFullYear etc.). */
  static double local(double year, double month, double day, double hour, double minute,
      double second, double ms, ZoneId zone) {
    double date = makeDate(makeDay(year, month, day), makeTime(hour, minute, second, ms));
    return timeClip(localToUtc(date, zone));
  }

  /** Days from 1970-01-01 to the proleptic Gregorian date (any year). */
  static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Number of days in a month (0-based) of a year. */
  static int daysInMonth(int year, int month) {
    return (int) (daysFromCivil(month == 11 ? (long) year + 1 : year, month == 11 ? 1 : month + 2, 1)
        - daysFromCivil(year, month + 1, 1));
  }
}
