package dev.alertwire.persistence.variable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class VariableRepository {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(Variable variable) {
    em.persist(variable);
  }

  public List<Variable> inScope(String scope) {
    return em.createQuery("SELECT v FROM Variable v WHERE v.scope = :scope ORDER BY v.key", Variable.class)
        .setParameter("scope", scope)
        .getResultList();
  }

  /** Every variable name in any scope: the environment and every group. */
  public List<String> allKeys() {
    return em.createQuery("SELECT DISTINCT v.key FROM Variable v", String.class).getResultList();
  }

  /** The variable names defined in any of these scopes (the environment's and a group's, for an alert). */
  public List<String> keysIn(List<String> scopes) {
    return em.createQuery("SELECT DISTINCT v.key FROM Variable v WHERE v.scope IN :scopes", String.class)
        .setParameter("scopes", scopes)
        .getResultList();
  }

  public Optional<Variable> find(String scope, String key) {
    return em.createQuery("SELECT v FROM Variable v WHERE v.scope = :scope AND v.key = :key", Variable.class)
        .setParameter("scope", scope)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  public void remove(Variable variable) {
    em.remove(variable);
  }
}
