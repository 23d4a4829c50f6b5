package dev.alertwire.delivery.dispatch;

import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads for the dispatcher and the rare lease changes, each in a transaction of its own. Claims go through the group commit ({@link dev.alertwire.delivery.commit}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {
  @Inject DeliveryRepository deliveries;

  public List<DeliveryRepository.Due> due(Instant now, int limit) {
    return deliveries.due(now, limit);
  }

  public List<DeliveryRepository.Due> dueLookingPast(Instant now, int walk, int limit, java.util.Collection<String> skipChannels) {
    return deliveries.dueLookingPast(now, walk, limit, skipChannels);
  }

  public Optional<Instant> nextWakeUp(boolean otherInstances) {
    return deliveries.nextWakeUp(otherInstances);
  }

  public int releaseAllLeases() {
    return deliveries.releaseAllLeases();
  }
}
