package dev.alertwire.delivery.history;

import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * When a plain variable becomes a secret, the attempts recorded before still hold its value. This replaces it in them, in
 * the background and page by page, each page its own transaction, so that locking answers at once however
 * long the history is. New attempts never need it: they are recorded with placeholders.
 */
@Stateless
public class HistoryScrub {
  private static final Logger LOG = Logger.getLogger(HistoryScrub.class.getName());
  static final int PAGE = 200;

  @Inject DeliveryRepository deliveries;
  @Resource SessionContext self;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void scrub(String value, String placeholder) {
    SecretRedactor redactor = new SecretRedactor(Map.of(value, placeholder));
    if (redactor.isEmpty()) {
      return;
    }
    HistoryScrub pages = self.getBusinessObject(HistoryScrub.class);
    String after = "";
    int changed = 0;
    while (after != null) {
      Page page = pages.scrubPage(redactor, after);
      changed += page.changed();
      after = page.last();
    }
    int total = changed;
    LOG.info(() -> "Replaced a new secret " + placeholder + " in earlier delivery records (" + total + " attempts)");
  }

  /** What one page did, and the id to continue after (null at the end). */
  public record Page(int changed, String last) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Page scrubPage(SecretRedactor redactor, String after) {
    List<DeliveryAttempt> found = deliveries.attemptsContaining(redactor.needles(), after, PAGE);
    int changed = 0;
    for (DeliveryAttempt attempt : found) {
      if (attempt.redact(redactor::redact)) {
        changed++;
      }
    }
    return new Page(changed, found.size() < PAGE ? null : found.get(found.size() - 1).id());
  }
}
