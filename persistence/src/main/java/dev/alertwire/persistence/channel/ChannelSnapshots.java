package dev.alertwire.persistence.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The channels that deliveries are sent to, kept in memory as {@link ChannelSnapshot}s between the lists of
 * deliveries the dispatcher prepares, and read again when their {@code version} has moved.
 *
 * <p>Each list asks the database for its channels' ids and versions, one query, as {@link ChannelRouting}
 * does for every alert: a change to a channel through any door, or through another instance, raises its
 * version (its parameters are an element collection, which EclipseLink counts as the channel's own), and a
 * deleted channel is no longer found. So the next list prepared after a change sends what was changed.
 * Before, each list read each of its channels with its parameters and subscriptions, three queries per
 * channel, and lists are small while deliveries keep coming (a few deliveries each, as permits free up): 8 %
 * of the app's CPU while 16 posters posted to 10 channels (docs/benchmarks.md, section 16).
 *
 * <p>The caller's transaction must not have changed a channel itself: the versions and the channels are read
 * through it, and a snapshot is kept for every thread. Preparation's transactions write nothing.
 */
@ApplicationScoped
public class ChannelSnapshots {
  /** Bounds what is kept (deleted channels are never asked for again): past it, one is dropped for each kept. */
  static final int MAX_KEPT = 10_000;

  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  @Inject ChannelRepository channels;

  private final ConcurrentMap<String, ChannelSnapshot> kept = new ConcurrentHashMap<>();

  /** The channels of these ids as stored now, by id; a channel that no longer exists is not in the answer. */
  public Map<String, ChannelSnapshot> current(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        em.createQuery("SELECT c.id, c.version FROM AlertChannel c WHERE c.id IN :ids", Object[].class)
            .setParameter("ids", List.copyOf(ids))
            .getResultList();
    Map<String, ChannelSnapshot> current = new HashMap<>(rows.size() * 2);
    for (Object[] row : rows) {
      String id = (String) row[0];
      long version = ((Number) row[1]).longValue();
      ChannelSnapshot snapshot = kept.get(id);
      if (snapshot == null || snapshot.version() != version) {
        snapshot = channels.find(id).map(ChannelSnapshot::of).orElse(null);
        if (snapshot == null) {
          continue; // deleted since the versions were read
        }
        keep(snapshot);
      }
      current.put(id, snapshot);
    }
    ids.stream().filter(id -> !current.containsKey(id)).forEach(kept::remove);
    return current;
  }

  private void keep(ChannelSnapshot snapshot) {
    if (kept.size() >= MAX_KEPT && !kept.containsKey(snapshot.id())) {
      kept.keySet().stream().findAny().ifPresent(kept::remove); // any: it is read again if it is asked for
    }
    // Threads that read the same channel at two versions: the newer stays.
    kept.merge(snapshot.id(), snapshot, (old, made) -> old.version() >= made.version() ? old : made);
  }
}
