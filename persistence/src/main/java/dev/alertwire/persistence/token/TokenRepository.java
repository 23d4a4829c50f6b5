package dev.alertwire.persistence.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TokenRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(ApiToken token) {
    em.persist(token);
  }

  public Optional<ApiToken> byHash(String hash) {
    return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(t) FROM ApiToken t", Long.class).getSingleResult();
  }

  public List<ApiToken> all() {
    return em.createQuery("SELECT t FROM ApiToken t ORDER BY t.createdAt", ApiToken.class).getResultList();
  }

  public Optional<ApiToken> find(String id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  public void remove(ApiToken token) {
    em.remove(token);
  }
}
