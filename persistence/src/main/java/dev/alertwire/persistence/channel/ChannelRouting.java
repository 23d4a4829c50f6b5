package dev.alertwire.persistence.channel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes alerts through a {@link RoutingTable} kept in memory, made again when the channels have changed.
 *
 * <p>Whether they have is asked of the database at every alert, so an instance sees another's changes: each
 * channel's id and version, one small read. A change to a channel, its settings, its parameters or its
 * subscriptions (an element collection, which EclipseLink counts as the channel's own, so it raises the
 * channel's {@code @Version}) gives another version; a channel made or deleted adds or takes away an id. The
 * versions are read before the channels, so a table made from them is never older than the versions it is
 * kept with: a change that lands between the two reads makes the table again at the next alert, which costs a
 * read and never a wrong route.
 *
 * <p>Before, every alert read every activated channel with its parameters and subscriptions, and the
 * subscriptions twice more: 15.6 % of the app's CPU while 16 posters posted to 10 channels
 * (docs/benchmarks.md, section 15).
 *
 * <p>The table is kept only by callers outside a transaction, which is the API's accept
 * ({@code AlertIngestion}, the hot path). Inside one (check results, reminders) it is made from the
 * transaction's own view at each call and not kept: that view holds the transaction's changes, which may still
 * roll back, and channels its persistence context read before another instance's commit.
 */
@ApplicationScoped
public class ChannelRouting {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  @Inject ChannelRepository channels;

  private record Kept(Map<String, Long> versions, RoutingTable table) {}

  private volatile Kept kept;

  private final Object making = new Object();

  @Resource TransactionSynchronizationRegistry transactions;

  /** The channels an alert goes to: see {@link RoutingTable} for the rule. */
  public List<Recipient> routedTo(String checkId, String groupId, Collection<String> labels) {
    return table().routedTo(checkId, groupId, labels);
  }

  /** The same, for an alert without labels (a check's own). */
  public List<Recipient> routedTo(String checkId, String groupId) {
    return routedTo(checkId, groupId, List.of());
  }

  private RoutingTable table() {
    if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      // The caller's transaction sees its own changes (a check made by its first result, and the channels
      // auto-subscribed to it) and its persistence context may hold channels read before another instance's
      // change: a table made here is right for this transaction only, and is not kept.
      return RoutingTable.of(channels.activated());
    }
    Map<String, Long> versions = versions();
    Kept now = kept;
    if (now != null && now.versions().equals(versions)) {
      return now.table();
    }
    // One thread makes the table; those that found it out of date with it take the one it made.
    synchronized (making) {
      now = kept;
      if (now == null || !now.versions().equals(versions)) {
        now = new Kept(versions, RoutingTable.of(channels.activated()));
        kept = now;
      }
      return now.table();
    }
  }

  private Map<String, Long> versions() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT id, version FROM alert_channel").getResultList();
    Map<String, Long> versions = new HashMap<>(rows.size() * 2);
    for (Object[] row : rows) {
      versions.put((String) row[0], ((Number) row[1]).longValue());
    }
    return versions;
  }
}
