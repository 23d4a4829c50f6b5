package dev.alertwire.domain.event;

import java.util.List;

/**
 * The variables every alert event carries, with the hosted product's names and meanings, then those that
 * alerts from Alertmanager and Grafana carry as well (issue 16).
 */
public record EventVariable(String name, String description) {
  public static final List<EventVariable> ALL =
      List.of(
          new EventVariable("AI_ANALYSIS_CLASSIFICATION", "Classification of the failure, when AI analysis is given"),
          new EventVariable("AI_ANALYSIS_CODE_FIX", "A code fix for the analysed problem, when AI analysis is given"),
          new EventVariable("AI_ANALYSIS_LINK", "Link to the full AI analysis, when given"),
          new EventVariable("AI_ANALYSIS_ROOT_CAUSE", "Possible root cause, when AI analysis is given"),
          new EventVariable("AI_ANALYSIS_USER_IMPACT", "User impact, when AI analysis is given"),
          new EventVariable("ALERT_TITLE", "Human readable title, e.g. 'Check \"My API check\" has failed'"),
          new EventVariable("ALERT_TYPE", "ALERT_FAILURE, ALERT_RECOVERY, ALERT_DEGRADED, ALERT_DEGRADED_RECOVERY or ALERT_SSL"),
          new EventVariable("API_CHECK_RESPONSE_STATUS_CODE", "The checked response's status code, e.g. 200 (API checks)"),
          new EventVariable("API_CHECK_RESPONSE_STATUS_TEXT", "The checked response's status text, e.g. OK (API checks)"),
          new EventVariable("API_CHECK_RESPONSE_BODY", "The first 4 KiB of the checked response's body, when the result gives it"),
          new EventVariable("CHECK_ERROR_MESSAGE", "The check's error message"),
          new EventVariable("CHECK_ID", "The UUID of the check"),
          new EventVariable("CHECK_DESCRIPTION", "The check's description, if set"),
          new EventVariable("CHECK_NAME", "Full name of the check"),
          new EventVariable("CHECK_RESULT_ID", "The UUID of the result that triggered this alert"),
          new EventVariable("CHECK_TYPE", "The check type, e.g. API, BROWSER"),
          new EventVariable("CHECK_URL", "The URL an API check called, when the result gives it"),
          new EventVariable("GROUP_NAME", "The check's group, if it belongs to one"),
          new EventVariable("IS_REMINDER", "true for a reminder, false for the first alert"),
          new EventVariable("REGION", "Region code where the check ran, e.g. us-east-1"),
          new EventVariable("REMINDER_SEQUENCE", "0 for the first alert, 1 and up for reminders"),
          new EventVariable("RESPONSE_TIME", "The reported response time of this result, in ms"),
          new EventVariable("RESULT_LINK", "The full link to the check result"),
          new EventVariable("RUN_LOCATION", "Where the check ran, e.g. N. California"),
          new EventVariable("SSL_CHECK_DOMAIN", "The certificate's domain (ALERT_SSL only)"),
          new EventVariable("SSL_DAYS_REMAINING", "Days left on the certificate (ALERT_SSL only)"),
          new EventVariable("STARTED_AT", "ISO timestamp of when the check run started"),
          new EventVariable("TAGS", "The check's tags, an array (Alertmanager and Grafana: the labels as name:value)"),
          new EventVariable("LABELS", "Alertmanager and Grafana: the alert's labels, e.g. {{LABELS.severity}}"),
          new EventVariable("ANNOTATIONS", "Alertmanager and Grafana: the alert's annotations, e.g. {{ANNOTATIONS.runbook_url}}"),
          new EventVariable("ALERT_SOURCE", "Alertmanager and Grafana: alertmanager or grafana"),
          new EventVariable("ALERT_STATUS", "Alertmanager and Grafana: firing or resolved"),
          new EventVariable("ENDS_AT", "Alertmanager and Grafana: when a resolved alert ended (ISO timestamp), empty while firing"),
          new EventVariable("EXTERNAL_URL", "Alertmanager and Grafana: the sender's own URL"),
          new EventVariable("RECEIVER", "Alertmanager and Grafana: the receiver that sent the alert"),
          new EventVariable("GROUP_KEY", "Alertmanager and Grafana: the notification group's key"),
          new EventVariable("DASHBOARD_URL", "Grafana: the alert's dashboard"),
          new EventVariable("PANEL_URL", "Grafana: the alert's panel"),
          new EventVariable("SILENCE_URL", "Grafana: where to silence the alert"),
          new EventVariable("IMAGE_URL", "Grafana: a screenshot of the panel, when enabled"),
          new EventVariable("VALUES", "Grafana: the values of the rule's queries, e.g. {{VALUES.B}}"),
          new EventVariable("VALUE_STRING", "Grafana: the values as one text"),
          new EventVariable("GRAFANA_TITLE", "Grafana: the notification's title"),
          new EventVariable("GRAFANA_STATE", "Grafana: the notification's state, e.g. alerting"),
          new EventVariable("GRAFANA_ORG_ID", "Grafana: the organisation's id"));
}
