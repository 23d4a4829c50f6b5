package dev.alertwire.persistence.user;

import dev.alertwire.domain.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Console users; runs in the caller's transaction. */
@ApplicationScoped
public class UserRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(AppUser user) {
    em.persist(user);
  }

  public Optional<AppUser> byUsername(String username) {
    return em.createQuery("SELECT u FROM AppUser u WHERE u.username = :name", AppUser.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }

  public Optional<AppUser> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(AppUser.class, id));
  }

  public List<AppUser> all() {
    return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class).getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
  }

  public long countWithRole(Role role) {
    return em.createQuery("SELECT COUNT(u) FROM AppUser u WHERE u.role = :role", Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }

  public void remove(AppUser user) {
    em.remove(user);
  }
}
