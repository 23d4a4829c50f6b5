package dev.alertwire.domain.template;

import static dev.alertwire.domain.template.Helper.arg;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * year, date and moment (date and moment are the same helper), on dayjs semantics:
 * {@code {{moment}}} is now in "MMMM DD, YYYY"; {@code {{moment "fmt"}}} formats now;
 * {@code {{moment "input" "fmt"}}} parses a relative phrase or a date and formats it.
 */
final class DateHelpers {

  private static final String DEFAULT_NOW_FORMAT = "MMMM DD, YYYY";

  private final Clock clock;
  private final ZoneId zone;

  private DateHelpers(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  static void register(Map<String, Helper> helpers, Clock clock, ZoneId zone) {
    DateHelpers dates = new DateHelpers(clock, zone);
    helpers.put("year", dates::year);
    helpers.put("date", dates::moment);
    helpers.put("moment", dates::moment);
  }

  private double now() {
    return clock.millis();
  }

  private Object year(Object self, List<Object> params, HelperOptions options) {
    String year = String.valueOf(JsDate.fields(now(), zone).year());
    Object digits = arg(params, options, 0);
    boolean two = (digits instanceof Number n && n.doubleValue() == 2) || "2".equals(digits);
    return two ? year.substring(Math.max(0, year.length() - 2)) : year;
  }

  /** The reference's check for "this argument is really the options object". */
  private static boolean isOptionsObject(Object value) {
    return value instanceof HelperOptions
        || (value instanceof Map<?, ?> map && map.containsKey("hash") && map.containsKey("data"));
  }

  private Object moment(Object self, List<Object> params, HelperOptions options) {
    Object input = arg(params, options, 0);
    Object format = arg(params, options, 1);
    if (isOptionsObject(format)) {
      format = JsValues.UNDEFINED;
    }
    if (isOptionsObject(input)) {
      input = JsValues.UNDEFINED;
      format = JsValues.UNDEFINED;
    }
    double now = now();
    if (JsValues.isNullish(input) && JsValues.isNullish(format)) {
      return DayjsFormatter.format(DayjsDate.now(now, zone), DEFAULT_NOW_FORMAT);
    }
    if (input instanceof String text && format instanceof String) {
      return DayjsFormatter.format(parseInput(text, now, options), format);
    }
    if (input instanceof String && JsValues.isNullish(format)) {
      return DayjsFormatter.format(DayjsDate.now(now, zone), input);
    }
    return DayjsFormatter.format(DayjsDate.of(input, now, zone), format);
  }

  /** A relative phrase or anything dayjs parses; otherwise the reference fails loudly. */
  private DayjsDate parseInput(String text, double now, HelperOptions options) {
    DayjsDate relative = RelativeDateParser.parse(text, now, zone);
    DayjsDate date = relative != null ? relative : DayjsDate.of(text, now, zone);
    if (!date.isValid()) {
      // Quote the input only when it is written in the template: a variable's value may be secret.
      String shown = options.isLiteralParam(0) ? "\"" + text + "\"" : "(value of a variable)";
      throw new TemplateException("moment/date helper: cannot parse date " + shown);
    }
    return date;
  }
}
