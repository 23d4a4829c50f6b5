package dev.alertwire.domain.template;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable names a template refers to, for telling the user about one that is defined nowhere (it would
 * render as empty text, which is easy to miss in a header such as {@code Authorization: GenieKey }).
 *
 * <p>Only UPPER_CASE names count. Alertwire's event variables and the usual environment variables are upper
 * case, helpers are lower case, and a lower-case name inside {@code each} or {@code with} usually names a
 * field of the current item rather than a variable, so warning about those would mostly be wrong.
 */
public final class VariableReferences {
  private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)\\}\\}", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]+");

  private VariableReferences() {}

  /** Every UPPER_CASE name used in a tag of the template, in order of first use. */
  public static Set<String> upperCaseNames(String template) {
    Set<String> names = new LinkedHashSet<>();
    if (template == null) {
      return names;
    }
    Matcher tag = TAG.matcher(template);
    while (tag.find()) {
      String inside = tag.group(1).replaceFirst("^[{~&#^/\\s]+", "");
      if (inside.startsWith("!") || inside.startsWith(">")) {
        continue; // a comment or a partial
      }
      for (String token : QUOTED.matcher(inside).replaceAll(" ").split("[\\s()=}~|]+")) {
        if (NAME.matcher(token).matches()) {
          names.add(token);
        }
      }
    }
    return names;
  }
}
