package dev.alertwire.persistence.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class EventRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  /**
   * Inserted at once: deliveries refer to the event by a plain column, so EclipseLink does not know to
   * insert the event first at commit, and the foreign key would refuse the deliveries.
   */
  public void add(AlertEvent event) {
    em.persist(event);
    em.flush();
  }

  /** The events with these ids, by id: one query for a page of the history. */
  public java.util.Map<String, AlertEvent> byIds(java.util.Collection<String> ids) {
    java.util.Map<String, AlertEvent> found = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      em.createQuery("SELECT e FROM AlertEvent e WHERE e.id IN :ids", AlertEvent.class)
          .setParameter("ids", List.copyOf(ids))
          .getResultList()
          .forEach(e -> found.put(e.id(), e));
    }
    return found;
  }

  public Optional<AlertEvent> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(AlertEvent.class, id));
  }

  /** The events of these ids that exist, in one query. */
  public List<AlertEvent> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT e FROM AlertEvent e WHERE e.id IN :ids", AlertEvent.class).setParameter("ids", ids).getResultList();
  }
}
