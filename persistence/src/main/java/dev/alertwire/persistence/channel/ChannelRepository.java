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

  /** Activated channels with an activated subscription to the check or to its group. */
  @SuppressWarnings("unchecked")
  public List<AlertChannel> subscribedTo(String checkId, String groupId) {
    // Plain SQL over the subscription table: EclipseLink does not query element collections on their own.
    List<String> ids =
        em.createNativeQuery(
                "SELECT DISTINCT channel_id FROM channel_subscription WHERE activated = TRUE AND (check_id = ? OR group_id = ?)")
            .setParameter(1, checkId == null ? "" : checkId)
            .setParameter(2, groupId == null ? "" : groupId)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT c FROM AlertChannel c WHERE c.activated = TRUE AND c.id IN :ids ORDER BY c.id", AlertChannel.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Activated channels without any subscription: the catch-all route for ready-made alerts. */
  @SuppressWarnings("unchecked")
  public List<AlertChannel> catchAll() {
    List<String> subscribing = em.createNativeQuery("SELECT DISTINCT channel_id FROM channel_subscription").getResultList();
    return activated().stream().filter(c -> !subscribing.contains(c.id())).toList();
  }

  public List<AlertChannel> autoSubscribing() {
    return all().stream().filter(c -> c.alertSettings().autoSubscribe()).toList();
  }

  public void remove(AlertChannel channel) {
    em.remove(channel);
  }
}
