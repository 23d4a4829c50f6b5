-- Issue 13: reminders were stored as ALERT_FAILURE events and showed in the history as plain failures.
-- A reminder is the event whose variables say IS_REMINDER true; from now on it is stored as REMINDER.
UPDATE alert_event SET alert_type = 'REMINDER'
 WHERE alert_type = 'ALERT_FAILURE' AND variables LIKE '%"IS_REMINDER":true%';
