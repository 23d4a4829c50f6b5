package dev.alertwire.delivery.check;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes every 10 seconds and sends the reminders whose time has come. The due times are in the checks'
 * rows, so reminders survive restarts; the timer holds nothing. Reminder intervals are whole minutes, so a
 * 10 s tick is precise enough.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderTimer {
  private static final Logger LOG = Logger.getLogger(ReminderTimer.class.getName());

  @Inject ReminderSender sender;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void tick() {
    for (String checkId : sender.due(500)) {
      try {
        sender.remind(checkId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Reminder for check " + checkId + " failed; it is tried again at the next tick", e);
      }
    }
  }
}
