package dev.alertwire.persistence.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Alert channels; runs in the caller's transaction. */
@ApplicationScoped
public class ChannelRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(AlertChannel channel) {
    em.persist(channel);
  }

  public Optional<AlertChannel> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(AlertChannel.class, id));
  }

  public List<AlertChannel> all() {
    return em.createQuery("SELECT c FROM AlertChannel c ORDER BY c.name, c.id", AlertChannel.class).getResultList();
  }

  public List<AlertChannel> activated() {
    return em.createQuery("SELECT c FROM AlertChannel c WHERE c.activated = TRUE ORDER BY c.id", AlertChannel.class)
        .getResultList();
  }

  /**
   * The routing rule, the one place it is written: an alert about a check goes to every activated channel
   * subscribed (with an activated subscription) to the check or its group, and to every activated channel
   * with no subscription at all, the catch-all channels. Both doors that make alerts (ready-made alerts and
   * check results) and reminders route through here; {@link AlertChannel#receivesAlertsOf} states the same
   * rule for one channel, for the console's listings.
   */
  public List<AlertChannel> routedTo(String checkId, String groupId) {
    return routedTo(checkId, groupId, List.of());
  }

  /**
   * The same rule, for an alert that carries labels (Alertmanager's, Grafana's, or any with LABELS): a
   * channel subscribed to one of its labels ({@code name=value}) is a subscribed channel too.
   *
   * @param labels the alert's labels as {@code name=value}
   */
  @SuppressWarnings("unchecked")
  public List<AlertChannel> routedTo(String checkId, String groupId, java.util.Collection<String> labels) {
    StringBuilder sql =
        new StringBuilder("SELECT DISTINCT channel_id FROM channel_subscription WHERE activated = TRUE AND (check_id = ? OR group_id = ?");
    if (!labels.isEmpty()) {
      sql.append(" OR label IN (").append(String.join(", ", java.util.Collections.nCopies(labels.size(), "?"))).append(')');
    }
    var query =
        em.createNativeQuery(sql.append(')').toString())
            .setParameter(1, checkId == null ? "" : checkId)
            .setParameter(2, groupId == null ? "" : groupId);
    int position = 3;
    for (String label : labels) {
      query.setParameter(position++, label);
    }
    java.util.Set<String> subscribed = new java.util.HashSet<>(query.getResultList());
    java.util.Set<String> subscribing =
        new java.util.HashSet<>(em.createNativeQuery("SELECT DISTINCT channel_id FROM channel_subscription").getResultList());
    return activated().stream().filter(c -> subscribed.contains(c.id()) || !subscribing.contains(c.id())).toList();
  }

  public List<AlertChannel> autoSubscribing() {
    return all().stream().filter(c -> c.alertSettings().autoSubscribe()).toList();
  }

  public void remove(AlertChannel channel) {
    em.remove(channel);
  }
}
