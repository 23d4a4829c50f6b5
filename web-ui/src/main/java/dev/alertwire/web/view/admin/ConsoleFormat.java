package dev.alertwire.web.view.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times and hosts: UTC always, since on-call people compare with logs in UTC. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormat {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** "3 min ago", for lists where the exact time is in the tooltip. */
  public String ago(Instant instant) {
    if (instant == null) {
      return "";
    }
    long seconds = Math.max(0, Duration.between(instant, Instant.now()).getSeconds());
    if (seconds < 60) {
      return seconds + " s ago";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86_400 + " d ago";
  }

  /** The host a URL template sends to, or its start when the host is itself a variable. */
  public String host(String url) {
    if (url == null || url.isBlank()) {
      return "";
    }
    if (!url.contains("{{")) {
      try {
        String host = URI.create(url.trim().replace(" ", "%20")).getHost();
        if (host != null) {
          return host;
        }
      } catch (IllegalArgumentException e) {
        // shown as written below
      }
    }
    String start = url.replaceFirst("^https?://", "");
    int slash = start.indexOf('/', start.indexOf("}}") + 1);
    return slash > 0 ? start.substring(0, slash) : start;
  }

  /** An alert type as people say it: ALERT_DEGRADED_RECOVERY is "degraded recovery", ALERT_SSL "SSL expiry". */
  public String alertType(String type) {
    if (type == null || type.isBlank()) {
      return "";
    }
    return switch (type) {
      case "ALERT_SSL" -> "SSL expiry";
      case "REMINDER" -> "reminder";
      case "ALERTMANAGER" -> "Alertmanager alert (firing)";
      default -> type.replaceFirst("^ALERT_", "").toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  public String alertKind(Enum<?> type) {
    return type == null ? "" : alertType(type.name());
  }

  public String lower(Enum<?> value) {
    return value == null ? "" : value.name().toLowerCase().replace('_', ' ');
  }

  /** "after 2 failed runs" or "after 10 min failing". */
  public String escalation(dev.alertwire.persistence.check.AlertingSettings settings) {
    var e = settings.escalation();
    return e.type() == dev.alertwire.domain.check.Escalation.Type.RUN_BASED
        ? e.failedRuns() + (e.failedRuns() == 1 ? " failed run" : " failed runs")
        : e.minutesFailing() + " min failing";
  }

  /** "none", "3, every 5 min" or "until it recovers, every 10 min". */
  public String reminders(dev.alertwire.persistence.check.AlertingSettings settings) {
    var r = settings.reminders();
    if (r.amount() == 0) {
      return "none";
    }
    return (r.amount() == dev.alertwire.domain.check.Reminders.UNLIMITED ? "until it recovers" : Integer.toString(r.amount()))
        + ", every " + r.intervalMinutes() + " min";
  }

  public String join(java.util.List<String> names, String whenEmpty) {
    return names == null || names.isEmpty() ? whenEmpty : String.join(", ", names);
  }

  /** Names shown beside a check at most; catch-all channels reach every check, and there can be hundreds. */
  static final int CHANNELS_SHOWN = 10;

  /**
   * The first {@link #CHANNELS_SHOWN} names, then how many more: a check's channels listed in full made the
   * check dialog taller than the window, with its Save button out of reach, once a hundred channels were
   * catch-all (found by ConsoleChecksIT on a long-lived test database).
   */
  public String joinFirst(java.util.List<String> names, String whenEmpty) {
    if (names == null || names.size() <= CHANNELS_SHOWN) {
      return join(names, whenEmpty);
    }
    return String.join(", ", names.subList(0, CHANNELS_SHOWN)) + " and " + (names.size() - CHANNELS_SHOWN) + " more";
  }
}
