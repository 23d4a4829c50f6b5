package dev.alertwire.delivery.dispatch;

import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each claim commits on its own, so a lease is visible to other instances before the request goes out. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {
  @Inject DeliveryRepository deliveries;

  public List<String> due(Instant now, int limit) {
    return deliveries.dueIds(now, limit);
  }

  public boolean claim(String id, String owner, Instant now, Instant leaseUntil) {
    return deliveries.claim(id, owner, now, leaseUntil);
  }

  public void release(String id, String owner) {
    deliveries.release(id, owner);
  }

  public Optional<Instant> nextWakeUp() {
    return deliveries.nextWakeUp();
  }

  public int releaseAllLeases() {
    return deliveries.releaseAllLeases();
  }
}
