package dev.alertwire.persistence.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Checks, groups and results; runs in the caller's transaction. */
@ApplicationScoped
public class CheckRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  /** Inserted at once, before the results or subscriptions that refer to it by a plain column. */
  public void add(MonitoredCheck check) {
    em.persist(check);
    em.flush();
  }

  public Optional<MonitoredCheck> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(MonitoredCheck.class, id));
  }

  /**
   * The group of each of these checks that has one, in one query: what rendering a list of deliveries needs of
   * their checks, without reading each check (its tags and schedule included).
   */
  public java.util.Map<String, String> groupsOf(java.util.Collection<String> checkIds) {
    java.util.Map<String, String> groups = new java.util.HashMap<>();
    if (checkIds.isEmpty()) {
      return groups;
    }
    em.createQuery("SELECT c.id, c.groupId FROM MonitoredCheck c WHERE c.id IN :ids AND c.groupId IS NOT NULL", Object[].class)
        .setParameter("ids", List.copyOf(checkIds))
        .getResultList()
        .forEach(row -> groups.put((String) row[0], (String) row[1]));
    return groups;
  }

  /** Locks the check's row: two results of one check must not race through the state machine. */
  public Optional<MonitoredCheck> findForUpdate(String id) {
    return Optional.ofNullable(id == null ? null : em.find(MonitoredCheck.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<MonitoredCheck> findByName(String name, String checkType) {
    return em.createQuery(
            "SELECT c FROM MonitoredCheck c WHERE c.name = :name AND c.checkType = :type ORDER BY c.createdAt", MonitoredCheck.class)
        .setParameter("name", name)
        .setParameter("type", checkType)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<MonitoredCheck> all() {
    return em.createQuery("SELECT c FROM MonitoredCheck c ORDER BY c.name, c.id", MonitoredCheck.class).getResultList();
  }

  public List<String> remindersDue(Instant now, int limit) {
    return em.createQuery(
            "SELECT c.id FROM MonitoredCheck c WHERE c.nextReminderAt IS NOT NULL AND c.nextReminderAt <= :now ORDER BY c.nextReminderAt",
            String.class)
        .setParameter("now", now.toEpochMilli())
        .setMaxResults(limit)
        .getResultList();
  }

  public Optional<Instant> nextReminder() {
    Long next = em.createQuery("SELECT MIN(c.nextReminderAt) FROM MonitoredCheck c", Long.class).getSingleResult();
    return Optional.ofNullable(next).map(Instant::ofEpochMilli);
  }

  public void remove(MonitoredCheck check) {
    em.remove(check);
  }

  /** Inserted at once, before the checks that refer to it by a plain column. */
  public void addGroup(CheckGroup group) {
    em.persist(group);
    em.flush();
  }

  public Optional<CheckGroup> group(String id) {
    return Optional.ofNullable(id == null ? null : em.find(CheckGroup.class, id));
  }

  public Optional<CheckGroup> groupByName(String name) {
    return em.createQuery("SELECT g FROM CheckGroup g WHERE g.name = :name", CheckGroup.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public List<CheckGroup> groups() {
    return em.createQuery("SELECT g FROM CheckGroup g ORDER BY g.name", CheckGroup.class).getResultList();
  }

  public void removeGroup(CheckGroup group) {
    em.createQuery("UPDATE MonitoredCheck c SET c.groupId = NULL WHERE c.groupId = :id").setParameter("id", group.id()).executeUpdate();
    em.remove(group);
  }

  public void addResult(CheckResult result) {
    em.persist(result);
  }

  public Optional<CheckResult> result(String id) {
    return Optional.ofNullable(id == null ? null : em.find(CheckResult.class, id));
  }

  /** SSL alerts go out at most once a day per check and channel: true when this one may go now. */
  public boolean claimSslAlert(String channelId, String checkId, Instant now) {
    SslAlert.Key key = new SslAlert.Key(channelId, checkId);
    SslAlert last = em.find(SslAlert.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (last == null) {
      em.persist(new SslAlert(channelId, checkId, now));
      return true;
    }
    return last.sendIfADayPassed(now);
  }
}
