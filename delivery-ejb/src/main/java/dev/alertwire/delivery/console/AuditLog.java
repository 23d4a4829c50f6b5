package dev.alertwire.delivery.console;

import dev.alertwire.delivery.access.Caller;
import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.persistence.audit.AuditEntry;
import dev.alertwire.persistence.audit.AuditRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Who changed what and when, from either door (console or API): the boundaries that change something
 * record it. The actor is the caller as the door established it ({@link Caller}), never a name a page or a
 * request body could send. Entries join the caller's transaction, so a change and its entry commit together.
 */
@Stateless
public class AuditLog {
  @Inject AuditRepository entries;
  @Inject Clock clock;
  @Inject Caller caller;

  public record Page(List<AuditEntry> items, long total) {}

  /** An entry for the current caller: the console user, "token NAME" for the API, or "system". */
  public void record(String action, String target, String detail) {
    recordAs(caller.actor(), action, target, detail);
  }

  /** For events before anyone is signed in: a login attempt names the user it tried. */
  public void recordAs(String actor, String action, String target, String detail) {
    entries.add(new AuditEntry(clock.instant(), actor, action, target, detail));
  }

  @Permit(ApiToken.Role.ADMIN)
  public Page page(int offset, int limit) {
    return new Page(entries.page(offset, limit), entries.count());
  }

  /** Newest first, by this actor ("token NAME" for a token) and about this object (each null for any). */
  @Permit(ApiToken.Role.ADMIN)
  public Page page(String actor, String target, int offset, int limit) {
    return new Page(entries.page(actor, target, offset, limit), entries.count(actor, target));
  }
}
