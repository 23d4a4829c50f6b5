package dev.alertwire.domain.template;

import java.time.ZoneId;

/**
 * {@code new Date(string)} as Node's engine (V8) parses it: ES5 ISO date-time strings first
 * (date-only means UTC, date-time without offset means local time), then V8's permissive legacy
 * syntax ("June 15, 2026 10:00", "Mon, 15 Jun 2026 12:00:00 GMT", "6/15/2026"). dayjs hands every
 * string it does not parse itself to this, so the reference accepts exactly these.
 */
final class JsDateParser {

  private static final int NONE = Integer.MAX_VALUE;

  private JsDateParser() {}

  /** The time value, or NaN when V8 would produce an Invalid Date. */
  static double parse(String input, ZoneId zone) {
    double[] out = new double[8];
    if (!new Run(input).parse(out)) {
      return Double.NaN;
    }
    double day = JsDate.makeDay(out[0], out[1], out[2]);
    double time = JsDate.makeTime(out[3], out[4], out[5], out[6]);
    double date = JsDate.makeDate(day, time);
    if (Double.isNaN(out[7])) {
      if (Math.abs(date) > JsDate.MAX_TIME + 864_000_000d) {
        return Double.NaN;
      }
      date = JsDate.localToUtc(date, zone);
    } else {
      date -= out[7] * 1000.0;
    }
    return JsDate.timeClip(date);
  }

  private static boolean between(int x, int lo, int hi) {
    return x >= lo && x <= hi;
  }

  private enum Tag { INVALID, UNKNOWN, WHITESPACE, NUMBER, SYMBOL, END, KEYWORD }

  private enum KeywordType { INVALID, MONTH_NAME, TIME_ZONE_NAME, TIME_SEPARATOR, AM_PM }

  private record Token(Tag tag, int length, int value, KeywordType keyword) {
    static Token number(int value, int length) {
      return new Token(Tag.NUMBER, length, value, null);
    }

    static Token symbol(char c) {
      return new Token(Tag.SYMBOL, 1, c, null);
    }

    boolean isNumber() {
      return tag == Tag.NUMBER;
    }

    boolean isSymbol(char c) {
      return tag == Tag.SYMBOL && value == c;
    }

    boolean isAsciiSign() {
      return tag == Tag.SYMBOL && (value == '-' || value == '+');
    }

    int asciiSign() {
      return 44 - value;
    }

    boolean isEnd() {
      return tag == Tag.END;
    }

    boolean isFixedLengthNumber(int len) {
      return tag == Tag.NUMBER && length == len;
    }

    boolean isKeywordType(KeywordType type) {
      return tag == Tag.KEYWORD && keyword == type;
    }

    boolean isKeywordZ() {
      return isKeywordType(KeywordType.TIME_ZONE_NAME) && length == 1 && value == 0;
    }
  }

  private static final Object[][] KEYWORDS = {
    {"jan", KeywordType.MONTH_NAME, 1}, {"feb", KeywordType.MONTH_NAME, 2},
    {"mar", KeywordType.MONTH_NAME, 3}, {"apr", KeywordType.MONTH_NAME, 4},
    {"may", KeywordType.MONTH_NAME, 5}, {"jun", KeywordType.MONTH_NAME, 6},
    {"jul", KeywordType.MONTH_NAME, 7}, {"aug", KeywordType.MONTH_NAME, 8},
    {"sep", KeywordType.MONTH_NAME, 9}, {"oct", KeywordType.MONTH_NAME, 10},
    {"nov", KeywordType.MONTH_NAME, 11}, {"dec", KeywordType.MONTH_NAME, 12},
    {"am", KeywordType.AM_PM, 0}, {"pm", KeywordType.AM_PM, 12},
    {"ut", KeywordType.TIME_ZONE_NAME, 0}, {"utc", KeywordType.TIME_ZONE_NAME, 0},
    {"z", KeywordType.TIME_ZONE_NAME, 0}, {"gmt", KeywordType.TIME_ZONE_NAME, 0},
    {"cdt", KeywordType.TIME_ZONE_NAME, -5}, {"cst", KeywordType.TIME_ZONE_NAME, -6},
    {"edt", KeywordType.TIME_ZONE_NAME, -4}, {"est", KeywordType.TIME_ZONE_NAME, -5},
    {"mdt", KeywordType.TIME_ZONE_NAME, -6}, {"mst", KeywordType.TIME_ZONE_NAME, -7},
    {"pdt", KeywordType.TIME_ZONE_NAME, -7}, {"pst", KeywordType.TIME_ZONE_NAME, -8},
    {"t", KeywordType.TIME_SEPARATOR, 0},
  };

  private static boolean isWhiteSpace(int c) {
    return c == 0x09 || c == 0x0b || c == 0x0c || c == 0x20 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f || c == 0x3000
        || c == 0xfeff;
  }

  private static boolean isWhiteSpaceOrLineTerminator(int c) {
    return isWhiteSpace(c) || c == 0x0a || c == 0x0d || c == 0x2028 || c == 0x2029;
  }

  /** One parse: the character reader, the tokenizer and the composers. */
  private static final class Run {
    private final String s;
    private int index;
    private int ch;
    private Token next;

    // DayComposer
    private final int[] dayComp = new int[3];
    private int dayIndex;
    private int namedMonth = NONE;
    private boolean isoDate;
    // TimeComposer
    private final int[] timeComp = new int[4];
    private int timeIndex;
    private int hourOffset = NONE;
    // TimeZoneComposer
    private int tzSign = NONE;
    private int tzHour = NONE;
    private int tzMinute = NONE;

    Run(String s) {
      this.s = s;
      advance();
      next = scan();
    }

    private void advance() {
      ch = index < s.length() ? s.charAt(index) : 0;
      index++;
    }

    private int position() {
      return index;
    }

    private Token nextToken() {
      Token result = next;
      next = scan();
      return result;
    }

    private boolean skipSymbol(char c) {
      if (next.isSymbol(c)) {
        next = scan();
        return true;
      }
      return false;
    }

    private Token scan() {
      int pre = position();
      if (ch == 0) {
        return new Token(Tag.END, 0, -1, null);
      }
      if (ch >= '0' && ch <= '9') {
        int n = 0;
        int i = 0;
        while (ch == '0') {
          advance();
        }
        while (ch >= '0' && ch <= '9') {
          if (i < 9) {
            n = n * 10 + ch - '0';
          }
          i++;
          advance();
        }
        return Token.number(n, position() - pre);
      }
      for (char symbol : new char[] {':', '-', '+', '.', ')'}) {
        if (ch == symbol) {
          advance();
          return Token.symbol(symbol);
        }
      }
      if (ch >= 'A' && !isWhiteSpace(ch)) {
        int[] prefix = new int[3];
        int len = 0;
        while (ch >= 'A' && !isWhiteSpace(ch)) {
          if (len < 3) {
            prefix[len] = ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
          }
          len++;
          advance();
        }
        for (Object[] keyword : KEYWORDS) {
          String word = (String) keyword[0];
          boolean match = true;
          for (int j = 0; j < 3; j++) {
            int expected = j < word.length() ? word.charAt(j) : 0;
            if (prefix[j] != expected) {
              match = false;
              break;
            }
          }
          KeywordType type = (KeywordType) keyword[1];
          if (match && (len <= 3 || type == KeywordType.MONTH_NAME)) {
            return new Token(Tag.KEYWORD, len, (Integer) keyword[2], type);
          }
        }
        return new Token(Tag.KEYWORD, len, 0, KeywordType.INVALID);
      }
      if (isWhiteSpaceOrLineTerminator(ch)) {
        advance();
        return new Token(Tag.WHITESPACE, position() - pre, -1, null);
      }
      if (ch == '(') {
        int balance = 0;
        do {
          if (ch == ')') {
            balance--;
          } else if (ch == '(') {
            balance++;
          }
          advance();
        } while (balance > 0 && ch != 0);
        return new Token(Tag.UNKNOWN, 1, -1, null);
      }
      advance();
      return new Token(Tag.UNKNOWN, 1, -1, null);
    }

    // ---- composers ----

    private boolean dayAdd(int n) {
      if (dayIndex < 3) {
        dayComp[dayIndex++] = n;
        return true;
      }
      return false;
    }

    private boolean timeAdd(int n) {
      if (timeIndex < 4) {
        timeComp[timeIndex++] = n;
        return true;
      }
      return false;
    }

    private boolean timeAddFinal(int n) {
      if (!timeAdd(n)) {
        return false;
      }
      while (timeIndex < 4) {
        timeComp[timeIndex++] = 0;
      }
      return true;
    }

    private boolean timeIsExpecting(int n) {
      return (timeIndex == 1 && between(n, 0, 59)) || (timeIndex == 2 && between(n, 0, 59))
          || (timeIndex == 3 && between(n, 0, 999));
    }

    private void tzSet(int offsetHours) {
      tzSign = offsetHours < 0 ? -1 : 1;
      tzHour = offsetHours * tzSign;
      tzMinute = 0;
    }

    private boolean tzIsExpecting(int n) {
      return tzHour != NONE && tzMinute == NONE && between(n, 0, 59);
    }

    private boolean tzIsUtc() {
      return tzHour == 0 && tzMinute == 0;
    }

    private static int readMilliseconds(Token token) {
      int number = token.value();
      int length = token.length();
      if (length == 1) {
        number *= 100;
      } else if (length == 2) {
        number *= 10;
      } else if (length > 3) {
        if (length > 9) {
          length = 9;
        }
        int factor = 1;
        do {
          factor *= 10;
          length--;
        } while (length > 3);
        number /= factor;
      }
      return number;
    }

    /** The ES5 ISO part; returns the token the legacy parser continues with (INVALID = fail). */
    private Token parseEs5() {
      if (next.isAsciiSign()) {
        Token sign = nextToken();
        if (!next.isFixedLengthNumber(6)) {
          return sign;
        }
        int year = nextToken().value();
        if (sign.asciiSign() < 0 && year == 0) {
          return sign;
        }
        dayAdd(sign.asciiSign() * year);
      } else if (next.isFixedLengthNumber(4)) {
        dayAdd(nextToken().value());
      } else {
        return nextToken();
      }
      if (skipSymbol('-')) {
        if (!next.isFixedLengthNumber(2) || !between(next.value(), 1, 12)) {
          return nextToken();
        }
        dayAdd(nextToken().value());
        if (skipSymbol('-')) {
          if (!next.isFixedLengthNumber(2) || !between(next.value(), 1, 31)) {
            return nextToken();
          }
          dayAdd(nextToken().value());
        }
      }
      Token invalid = new Token(Tag.INVALID, 0, -1, null);
      if (!next.isKeywordType(KeywordType.TIME_SEPARATOR)) {
        if (!next.isEnd()) {
          return nextToken();
        }
      } else {
        nextToken();
        if (!next.isFixedLengthNumber(2) || !between(next.value(), 0, 24)) {
          return invalid;
        }
        boolean hourIs24 = next.value() == 24;
        timeAdd(nextToken().value());
        if (!skipSymbol(':')) {
          return invalid;
        }
        if (!next.isFixedLengthNumber(2) || !between(next.value(), 0, 59)
            || (hourIs24 && next.value() > 0)) {
          return invalid;
        }
        timeAdd(nextToken().value());
        if (skipSymbol(':')) {
          if (!next.isFixedLengthNumber(2) || !between(next.value(), 0, 59)
              || (hourIs24 && next.value() > 0)) {
            return invalid;
          }
          timeAdd(nextToken().value());
          if (skipSymbol('.')) {
            if (!next.isNumber() || (hourIs24 && next.value() > 0)) {
              return invalid;
            }
            timeAdd(readMilliseconds(nextToken()));
          }
        }
        if (next.isKeywordZ()) {
          nextToken();
          tzSet(0);
        } else if (next.isSymbol('+') || next.isSymbol('-')) {
          tzSign = nextToken().value() == '+' ? 1 : -1;
          if (next.isFixedLengthNumber(4)) {
            int hourmin = nextToken().value();
            int hour = hourmin / 100;
            int min = hourmin % 100;
            if (!between(hour, 0, 23) || !between(min, 0, 59)) {
              return invalid;
            }
            tzHour = hour;
            tzMinute = min;
          } else {
            if (!next.isFixedLengthNumber(2) || !between(next.value(), 0, 23)) {
              return invalid;
            }
            tzHour = nextToken().value();
            if (!skipSymbol(':')) {
              return invalid;
            }
            if (!next.isFixedLengthNumber(2) || !between(next.value(), 0, 59)) {
              return invalid;
            }
            tzMinute = nextToken().value();
          }
        }
        if (!next.isEnd()) {
          return invalid;
        }
      }
      if (tzHour == NONE && timeIndex == 0) {
        tzSet(0);
      }
      isoDate = true;
      return new Token(Tag.END, 0, -1, null);
    }

    boolean parse(double[] out) {
      Token token = parseEs5();
      if (token.tag() == Tag.INVALID) {
        return false;
      }
      boolean hasReadNumber = dayIndex != 0;
      for (; !token.isEnd(); token = nextToken()) {
        if (token.isNumber()) {
          hasReadNumber = true;
          int n = token.value();
          if (skipSymbol(':')) {
            if (skipSymbol(':')) {
              if (timeIndex != 0) {
                return false;
              }
              timeAdd(n);
              timeAdd(0);
            } else {
              if (!timeAdd(n)) {
                return false;
              }
              if (next.isSymbol('.')) {
                nextToken();
              }
            }
          } else if (skipSymbol('.') && timeIsExpecting(n)) {
            timeAdd(n);
            if (!next.isNumber()) {
              return false;
            }
            int ms = readMilliseconds(nextToken());
            if (ms < 0) {
              return false;
            }
            timeAddFinal(ms);
          } else if (tzIsExpecting(n)) {
            tzMinute = n;
          } else if (timeIsExpecting(n)) {
            timeAddFinal(n);
            Token peek = next;
            if (!peek.isEnd() && peek.tag() != Tag.WHITESPACE && !peek.isKeywordZ()
                && !peek.isAsciiSign()) {
              return false;
            }
          } else {
            if (!dayAdd(n)) {
              return false;
            }
            skipSymbol('-');
          }
        } else if (token.tag() == Tag.KEYWORD) {
          KeywordType type = token.keyword();
          int value = token.value();
          if (type == KeywordType.AM_PM && timeIndex != 0) {
            hourOffset = value;
          } else if (type == KeywordType.MONTH_NAME) {
            namedMonth = value;
            skipSymbol('-');
          } else if (type == KeywordType.TIME_ZONE_NAME && hasReadNumber) {
            tzSet(value);
          } else {
            if (hasReadNumber) {
              return false;
            }
            if (next.isNumber()) {
              return false;
            }
          }
        } else if (token.isAsciiSign() && (tzIsUtc() || timeIndex != 0)) {
          tzSign = token.asciiSign() < 0 ? -1 : 1;
          int n = 0;
          int length = 0;
          if (next.isNumber()) {
            Token number = nextToken();
            length = number.length();
            n = number.value();
          }
          hasReadNumber = true;
          if (next.isSymbol(':')) {
            tzHour = n;
            tzMinute = NONE;
          } else if (length == 2 || length == 1) {
            tzHour = n;
            tzMinute = 0;
          } else if (length == 4 || length == 3) {
            tzHour = n / 100;
            tzMinute = n % 100;
          } else {
            return false;
          }
        } else if ((token.isAsciiSign() || token.isSymbol(')')) && hasReadNumber) {
          return false;
        }
      }
      return writeDay(out) && writeTime(out) && writeZone(out);
    }

    private boolean writeDay(double[] out) {
      if (dayIndex < 1) {
        return false;
      }
      while (dayIndex < 3) {
        dayComp[dayIndex++] = 1;
      }
      int year = 0;
      int month;
      int day;
      if (namedMonth == NONE) {
        if (isoDate || (dayIndex == 3 && !between(dayComp[0], 1, 31))) {
          year = dayComp[0];
          month = dayComp[1];
          day = dayComp[2];
        } else {
          month = dayComp[0];
          day = dayComp[1];
          if (dayIndex == 3) {
            year = dayComp[2];
          }
        }
      } else {
        month = namedMonth;
        if (dayIndex == 1) {
          day = dayComp[0];
        } else if (!between(dayComp[0], 1, 31)) {
          year = dayComp[0];
          day = dayComp[1];
        } else {
          day = dayComp[0];
          year = dayComp[1];
        }
      }
      if (!isoDate) {
        if (between(year, 0, 49)) {
          year += 2000;
        } else if (between(year, 50, 99)) {
          year += 1900;
        }
      }
      if (!(year >= -1073741824 && year <= 1073741823) || !between(month, 1, 12)
          || !between(day, 1, 31)) {
        return false;
      }
      out[0] = year;
      out[1] = month - 1;
      out[2] = day;
      return true;
    }

    private boolean writeTime(double[] out) {
      while (timeIndex < 4) {
        timeComp[timeIndex++] = 0;
      }
      int hour = timeComp[0];
      int minute = timeComp[1];
      int second = timeComp[2];
      int millisecond = timeComp[3];
      if (hourOffset != NONE) {
        if (!between(hour, 0, 12)) {
          return false;
        }
        hour %= 12;
        hour += hourOffset;
      }
      if (!between(hour, 0, 23) || !between(minute, 0, 59) || !between(second, 0, 59)
          || !between(millisecond, 0, 999)) {
        if (hour != 24 || minute != 0 || second != 0 || millisecond != 0) {
          return false;
        }
      }
      out[3] = hour;
      out[4] = minute;
      out[5] = second;
      out[6] = millisecond;
      return true;
    }

    private boolean writeZone(double[] out) {
      if (tzSign != NONE) {
        if (tzHour == NONE) {
          tzHour = 0;
        }
        if (tzMinute == NONE) {
          tzMinute = 0;
        }
        long total = (tzHour & 0xFFFFFFFFL) * 3600L + (tzMinute & 0xFFFFFFFFL) * 60L;
        total &= 0xFFFFFFFFL;
        if (total > 2147483647L) {
          return false;
        }
        out[7] = tzSign < 0 ? -total : total;
      } else {
        out[7] = Double.NaN;
      }
      return true;
    }
  }
}
