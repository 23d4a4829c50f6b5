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

  public List<AlertChannel> autoSubscribing() {
    return all().stream().filter(c -> c.alertSettings().autoSubscribe()).toList();
  }

  public void remove(AlertChannel channel) {
    em.remove(channel);
  }
}
