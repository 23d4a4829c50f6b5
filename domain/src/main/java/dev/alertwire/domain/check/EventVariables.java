package dev.alertwire.domain.check;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of an alert built from a result, named and filled as the hosted product fills them, plus
 * CHECK_URL and API_CHECK_RESPONSE_BODY (first 4 KiB), which its users asked for.
 */
public final class EventVariables {
  static final int RESPONSE_BODY_LIMIT = 4 * 1024;

  private EventVariables() {}

  public static Map<String, Object> of(
      AlertKind kind, CheckFacts check, ResultFacts result, int reminderSequence, String baseUrl) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("ALERT_TYPE", kind.name());
    v.put("ALERT_TITLE", AlertTitles.of(kind, check.name(), result.sslDomain(), result.sslDaysRemaining()));
    v.put("CHECK_ID", check.id());
    v.put("CHECK_NAME", check.name());
    v.put("CHECK_TYPE", check.type());
    v.put("CHECK_DESCRIPTION", orEmpty(check.description()));
    v.put("CHECK_RESULT_ID", result.resultId());
    v.put("CHECK_ERROR_MESSAGE", orEmpty(result.errorMessage()));
    v.put("GROUP_NAME", orEmpty(check.groupName()));
    v.put("TAGS", check.tags());
    v.put("REGION", orEmpty(result.region()));
    v.put("RUN_LOCATION", orEmpty(result.runLocation()));
    v.put("RESPONSE_TIME", result.responseTime() == null ? 0 : result.responseTime());
    v.put("STARTED_AT", result.startedAt().toString());
    v.put(
        "RESULT_LINK",
        result.resultLink() != null && !result.resultLink().isBlank()
            ? result.resultLink()
            : baseUrl + "checks/" + check.id() + "/results/" + result.resultId());
    v.put("IS_REMINDER", reminderSequence > 0);
    v.put("REMINDER_SEQUENCE", reminderSequence);
    if (result.responseStatusCode() != null) {
      v.put("API_CHECK_RESPONSE_STATUS_CODE", result.responseStatusCode());
      v.put("API_CHECK_RESPONSE_STATUS_TEXT", orEmpty(result.responseStatusText()));
    }
    if (result.responseBody() != null) {
      v.put("API_CHECK_RESPONSE_BODY", firstBytes(result.responseBody(), RESPONSE_BODY_LIMIT));
    }
    if (result.checkUrl() != null) {
      v.put("CHECK_URL", result.checkUrl());
    }
    if (kind == AlertKind.ALERT_SSL) {
      v.put("SSL_CHECK_DOMAIN", result.sslDomain());
      v.put("SSL_DAYS_REMAINING", result.sslDaysRemaining());
    }
    putIfPresent(v, "AI_ANALYSIS_ROOT_CAUSE", result.aiRootCause());
    putIfPresent(v, "AI_ANALYSIS_USER_IMPACT", result.aiUserImpact());
    putIfPresent(v, "AI_ANALYSIS_CLASSIFICATION", result.aiClassification());
    putIfPresent(v, "AI_ANALYSIS_CODE_FIX", result.aiCodeFix());
    putIfPresent(v, "AI_ANALYSIS_LINK", result.aiLink());
    return v;
  }

  /** The same alert again as reminder number {@code sequence}. */
  public static Map<String, Object> asReminder(Map<String, Object> original, int sequence) {
    Map<String, Object> v = new LinkedHashMap<>(original);
    v.put("IS_REMINDER", true);
    v.put("REMINDER_SEQUENCE", sequence);
    return v;
  }

  /** Cut at a character boundary so the value stays valid UTF-8. */
  static String firstBytes(String text, int limit) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= limit) {
      return text;
    }
    int end = limit;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static void putIfPresent(Map<String, Object> v, String key, String value) {
    if (value != null && !value.isBlank()) {
      v.put(key, value);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
