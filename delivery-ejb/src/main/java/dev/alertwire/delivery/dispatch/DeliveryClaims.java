package dev.alertwire.delivery.dispatch;

import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each call commits on its own, so a batch's leases are visible to other instances before its requests go out. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {
  @Inject DeliveryRepository deliveries;

  public List<DeliveryRepository.Due> due(Instant now, int limit) {
    return deliveries.due(now, limit);
  }

  /** Claims a batch in one transaction; returns the ids claimed. */
  public List<String> claimAll(List<String> ids, String owner, Instant now, Instant leaseUntil) {
    return deliveries.claimAll(ids, owner, now, leaseUntil);
  }

  public void release(String id, String owner) {
    deliveries.release(id, owner);
  }

  public Optional<Instant> nextWakeUp(boolean otherInstances) {
    return deliveries.nextWakeUp(otherInstances);
  }

  public int releaseAllLeases() {
    return deliveries.releaseAllLeases();
  }
}
