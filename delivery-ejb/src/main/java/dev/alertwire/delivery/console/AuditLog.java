package dev.alertwire.delivery.console;

import dev.alertwire.persistence.audit.AuditEntry;
import dev.alertwire.persistence.audit.AuditRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.util.List;

/**
 * Who changed what and when. The actor is the signed-in caller as the container knows it, never a name a
 * page could send. Entries join the caller's transaction, so a change and its entry commit together.
 */
@Stateless
public class AuditLog {
  @Inject AuditRepository entries;
  @Inject Clock clock;
  @Resource SessionContext session;

  public record Page(List<AuditEntry> items, long total) {}

  public void record(String action, String target, String detail) {
    Principal caller = session.getCallerPrincipal();
    String actor = caller == null || caller.getName() == null ? "system" : caller.getName();
    recordAs(actor, action, target, detail);
  }

  /** For events before anyone is signed in: a login attempt names the user it tried. */
  public void recordAs(String actor, String action, String target, String detail) {
    entries.add(new AuditEntry(clock.instant(), actor, action, target, detail));
  }

  public Page page(int offset, int limit) {
    return new Page(entries.page(offset, limit), entries.count());
  }
}
