package dev.alertwire.domain.source;

import dev.alertwire.domain.check.AlertKind;
import dev.alertwire.domain.check.AlertTitles;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Alertmanager's webhook payload (version 4), or Grafana alerting's (the same shape plus {@code title},
 * {@code state}, {@code orgId}, {@code message} and per alert {@code dashboardURL}, {@code panelURL},
 * {@code silenceURL}, {@code values}), as the event variables of one ready-made alert per element of
 * {@code alerts}. The payload comes parsed into Maps, Lists, Strings, Numbers and Booleans.
 *
 * <p>Every error names the field as the payload spells it ({@code alerts[2].startsAt}), and all errors of a
 * payload are reported at once: nothing is queued unless the whole payload is valid.
 */
public final class AlertmanagerWebhook {
  /** Alertmanager's {@code max_alerts} is unlimited by default; a bigger group is refused, not cut. */
  public static final int MAX_ALERTS = 1_000;
  public static final int MAX_ENTRIES = 100;
  public static final int MAX_NAME = 256;
  public static final int MAX_LABEL_VALUE = 4_096;
  public static final int MAX_ANNOTATION_VALUE = 64 * 1024;
  /** generatorURL carries the PromQL expression, which can be long. */
  public static final int MAX_URL = 16 * 1024;
  public static final int MAX_TEXT = 1_024;
  /** Alertwire's limit on a check id. */
  public static final int MAX_FINGERPRINT = 100;

  private static final Pattern LABEL_NAME = Pattern.compile("[^\\s=]+");

  private AlertmanagerWebhook() {}

  /**
   * One map of event variables per alert, in the payload's order.
   *
   * @param source the path the payload came in on; a payload with Grafana's {@code orgId} is Grafana's
   *     wherever it came in
   * @throws InvalidInputException naming every field that is missing, of the wrong type or too large
   */
  public static List<Map<String, Object>> events(Map<String, Object> payload, AlertSource source) {
    List<FieldError> errors = new ArrayList<>();
    Reader in = new Reader(errors);
    String version = in.text(payload, "version", "version", MAX_TEXT);
    if (version != null && !version.equals("4") && !version.equals("1")) {
      errors.add(FieldError.of("version", "is " + version + "; Alertmanager's webhook version 4 (and Grafana's 1) is taken"));
    }
    in.status(payload, "status", "status", false);
    in.labels(payload, "groupLabels", "groupLabels", MAX_LABEL_VALUE);
    in.labels(payload, "commonLabels", "commonLabels", MAX_LABEL_VALUE);
    in.labels(payload, "commonAnnotations", "commonAnnotations", MAX_ANNOTATION_VALUE);
    String externalUrl = in.text(payload, "externalURL", "externalURL", MAX_URL);
    String receiver = in.text(payload, "receiver", "receiver", MAX_TEXT);
    String groupKey = in.text(payload, "groupKey", "groupKey", MAX_URL);
    Object orgId = payload.get("orgId");
    if (orgId != null && !(orgId instanceof Number)) {
      errors.add(FieldError.of("orgId", "must be a number"));
    }
    AlertSource actual = orgId != null ? AlertSource.GRAFANA : source;
    String title = in.text(payload, "title", "title", MAX_TEXT);
    String state = in.text(payload, "state", "state", MAX_TEXT);
    in.text(payload, "message", "message", MAX_ANNOTATION_VALUE);

    Object alerts = payload.get("alerts");
    List<Map<String, Object>> events = new ArrayList<>();
    if (!(alerts instanceof List<?> list)) {
      errors.add(FieldError.of("alerts", alerts == null ? "is required: the array of alerts" : "must be an array of alert objects"));
    } else if (list.isEmpty()) {
      errors.add(FieldError.of("alerts", "must hold at least one alert"));
    } else if (list.size() > MAX_ALERTS) {
      errors.add(FieldError.of("alerts", "holds " + list.size() + " alerts; at most " + MAX_ALERTS
          + " are taken in one notification (set max_alerts in the webhook_config)"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        String at = "alerts[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> alert)) {
          errors.add(FieldError.of(at, "must be an alert object"));
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) alert;
        Map<String, Object> event = event(a, at, in, actual);
        if (event != null) {
          putIfPresent(event, "EXTERNAL_URL", externalUrl);
          putIfPresent(event, "RECEIVER", receiver);
          putIfPresent(event, "GROUP_KEY", groupKey);
          if (actual == AlertSource.GRAFANA) {
            putIfPresent(event, "GRAFANA_ORG_ID", orgId);
            putIfPresent(event, "GRAFANA_TITLE", title);
            putIfPresent(event, "GRAFANA_STATE", state);
          }
          events.add(event);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return events;
  }

  private static Map<String, Object> event(Map<String, Object> a, String at, Reader in, AlertSource source) {
    int before = in.errors.size();
    String status = in.status(a, "status", at + ".status", true);
    Map<String, String> labels = in.labels(a, "labels", at + ".labels", MAX_LABEL_VALUE);
    if (a.get("labels") == null) {
      in.errors.add(FieldError.of(at + ".labels", "is required: the alert's labels"));
    }
    Map<String, String> annotations = in.labels(a, "annotations", at + ".annotations", MAX_ANNOTATION_VALUE);
    Instant startsAt = in.instant(a, "startsAt", at + ".startsAt");
    Instant endsAt = in.instant(a, "endsAt", at + ".endsAt");
    String generatorUrl = in.text(a, "generatorURL", at + ".generatorURL", MAX_URL);
    String fingerprint = in.text(a, "fingerprint", at + ".fingerprint", MAX_FINGERPRINT);
    String dashboardUrl = in.text(a, "dashboardURL", at + ".dashboardURL", MAX_URL);
    String panelUrl = in.text(a, "panelURL", at + ".panelURL", MAX_URL);
    String silenceUrl = in.text(a, "silenceURL", at + ".silenceURL", MAX_URL);
    String imageUrl = in.text(a, "imageURL", at + ".imageURL", MAX_URL);
    String valueString = in.text(a, "valueString", at + ".valueString", MAX_ANNOTATION_VALUE);
    Map<String, Object> values = in.values(a, "values", at + ".values");
    if (in.errors.size() > before) {
      return null;
    }
    labels = labels == null ? Map.of() : labels;
    annotations = annotations == null ? Map.of() : annotations;
    AlertKind kind = status.equals("resolved") ? AlertKind.ALERT_RECOVERY : AlertKind.ALERT_FAILURE;
    String checkId = fingerprint == null || fingerprint.isBlank() ? fingerprintOf(labels) : fingerprint;
    String name = labels.getOrDefault("alertname", "").isBlank() ? checkId : labels.get("alertname");
    String summary = annotations.get("summary");

    Map<String, Object> v = new LinkedHashMap<>();
    v.put("ALERT_TYPE", kind.name());
    v.put("ALERT_TITLE", summary == null || summary.isBlank() ? AlertTitles.of(kind, name, null, null) : summary);
    v.put("ALERT_SOURCE", source.slug());
    v.put("ALERT_STATUS", status);
    v.put("CHECK_ID", checkId);
    v.put("CHECK_NAME", name);
    v.put("CHECK_TYPE", source.name());
    v.put("CHECK_ERROR_MESSAGE", annotations.getOrDefault("description", ""));
    if (startsAt != null) {
      v.put("STARTED_AT", startsAt.toString());
    }
    v.put("ENDS_AT", endsAt == null ? "" : endsAt.toString());
    v.put("RESULT_LINK", generatorUrl == null ? "" : generatorUrl);
    v.put("TAGS", labels.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    v.put("LABELS", new LinkedHashMap<>(labels));
    v.put("ANNOTATIONS", new LinkedHashMap<>(annotations));
    v.put("IS_REMINDER", false);
    v.put("REMINDER_SEQUENCE", 0);
    putIfPresent(v, "DASHBOARD_URL", dashboardUrl);
    putIfPresent(v, "PANEL_URL", panelUrl);
    putIfPresent(v, "SILENCE_URL", silenceUrl);
    putIfPresent(v, "IMAGE_URL", imageUrl);
    putIfPresent(v, "VALUE_STRING", valueString);
    putIfPresent(v, "VALUES", values);
    return v;
  }

  /**
   * A stable id for an alert sent without a fingerprint (Alertmanager before 0.19): the same label set
   * always gives the same id, so its resolution still supersedes its firing.
   */
  static String fingerprintOf(Map<String, String> labels) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(labels).forEach((k, v) -> canonical.append(k).append('\u0000').append(v).append('\u0000'));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void putIfPresent(Map<String, Object> v, String key, Object value) {
    if (value != null) {
      v.put(key, value);
    }
  }

  /** Typed reads that add an error naming the field instead of throwing at the first. */
  private record Reader(List<FieldError> errors) {
    String text(Map<String, Object> o, String key, String field, int max) {
      Object value = o.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String s)) {
        errors.add(FieldError.of(field, "must be a string"));
        return null;
      }
      if (s.length() > max) {
        errors.add(FieldError.of(field, "is " + s.length() + " characters long; at most " + max + " are taken"));
        return null;
      }
      return s;
    }

    String status(Map<String, Object> o, String key, String field, boolean required) {
      Object value = o.get(key);
      if (value == null) {
        if (required) {
          errors.add(FieldError.of(field, "is required: firing or resolved"));
        }
        return null;
      }
      if (!"firing".equals(value) && !"resolved".equals(value)) {
        errors.add(FieldError.of(field, "must be firing or resolved"));
        return null;
      }
      return (String) value;
    }

    Map<String, String> labels(Map<String, Object> o, String key, String field, int maxValue) {
      Object value = o.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> map)) {
        errors.add(FieldError.of(field, "must be an object of names to string values"));
        return null;
      }
      if (map.size() > MAX_ENTRIES) {
        errors.add(FieldError.of(field, "has " + map.size() + " entries; at most " + MAX_ENTRIES + " are taken"));
        return null;
      }
      Map<String, String> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String name = String.valueOf(e.getKey());
        if (name.length() > MAX_NAME || !LABEL_NAME.matcher(name).matches()) {
          errors.add(FieldError.of(field, "has the name \"" + shortened(name) + "\"; a name is 1 to " + MAX_NAME
              + " characters without spaces or '='"));
        } else if (!(e.getValue() instanceof String s)) {
          errors.add(FieldError.of(field + "." + name, "must be a string"));
        } else if (s.length() > maxValue) {
          errors.add(FieldError.of(field + "." + name, "is " + s.length() + " characters long; at most " + maxValue + " are taken"));
        } else {
          result.put(name, s);
        }
      }
      return result;
    }

    /** RFC 3339 as Alertmanager writes it; Go's zero time (year 1) means "not set". */
    Instant instant(Map<String, Object> o, String key, String field) {
      Object value = o.get(key);
      if (value == null) {
        return null;
      }
      if (value instanceof String s) {
        try {
          OffsetDateTime time = OffsetDateTime.parse(s);
          return time.getYear() <= 1 ? null : time.toInstant();
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      errors.add(FieldError.of(field, "must be an RFC 3339 time such as 2026-06-15T12:00:00.123Z"));
      return null;
    }

    /** Grafana's evaluation values: names to numbers (null where a query had no value). */
    Map<String, Object> values(Map<String, Object> o, String key, String field) {
      Object value = o.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> map) || map.size() > MAX_ENTRIES
          || map.entrySet().stream().anyMatch(e -> String.valueOf(e.getKey()).length() > MAX_NAME
              || (e.getValue() != null && !(e.getValue() instanceof Number)))) {
        errors.add(FieldError.of(field, "must be an object of at most " + MAX_ENTRIES + " names to numbers"));
        return null;
      }
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(String.valueOf(k), v));
      return result;
    }

    private static String shortened(String s) {
      return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
  }
}
