package dev.alertwire.persistence.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  public Optional<AlertEvent> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(AlertEvent.class, id));
  }
}
