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
    var query = em.createQuery("SELECT a FROM AuditEntry a" + where(actor, target) + " ORDER BY a.at DESC, a.id DESC", AuditEntry.class);
    bind(query, actor, target);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(String actor, String target) {
    var query = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where(actor, target), Long.class);
    bind(query, actor, target);
    return query.getSingleResult();
  }

  /** Only the criteria given: PostgreSQL cannot type a null parameter in "? IS NULL". */
  private static String where(String actor, String target) {
    if (actor == null && target == null) {
      return "";
    }
    return " WHERE " + (actor == null ? "" : "a.actor = :actor") + (actor != null && target != null ? " AND " : "")
        + (target == null ? "" : "a.target = :target");
  }

  private static void bind(jakarta.persistence.TypedQuery<?> query, String actor, String target) {
    if (actor != null) {
      query.setParameter("actor", actor);
    }
    if (target != null) {
      query.setParameter("target", target);
    }
  }
}
