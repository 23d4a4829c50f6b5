package dev.alertwire.persistence.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class EventRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(AlertEvent event) {
    em.persist(event);
  }

  public Optional<AlertEvent> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(AlertEvent.class, id));
  }
}
