package dev.alertwire.persistence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The audit log, newest first; runs in the caller's transaction. */
@ApplicationScoped
public class AuditRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(AuditEntry entry) {
    em.persist(entry);
  }

  public List<AuditEntry> page(int offset, int limit) {
    return em.createQuery("SELECT a FROM AuditEntry a ORDER BY a.at DESC, a.id DESC", AuditEntry.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(a) FROM AuditEntry a", Long.class).getSingleResult();
  }

  /** Entries by this actor and about this target (each null for any), newest first. */
  public List<AuditEntry> page(String actor, String target, int offset, int limit) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a WHERE (:actor IS NULL OR a.actor = :actor) AND (:target IS NULL OR a.target = :target)"
                + " ORDER BY a.at DESC, a.id DESC",
            AuditEntry.class)
        .setParameter("actor", actor)
        .setParameter("target", target)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(String actor, String target) {
    return em.createQuery(
            "SELECT COUNT(a) FROM AuditEntry a WHERE (:actor IS NULL OR a.actor = :actor) AND (:target IS NULL OR a.target = :target)",
            Long.class)
        .setParameter("actor", actor)
        .setParameter("target", target)
        .getSingleResult();
  }
}
