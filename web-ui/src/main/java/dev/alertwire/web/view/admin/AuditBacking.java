package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.persistence.audit.AuditEntry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log, newest first, a page at a time. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AuditLog audit;

  private final Entries entries = new Entries();

  public class Entries extends LazyDataModel<AuditEntry> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, audit.page(0, 1).total());
    }

    @Override
    public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      AuditLog.Page page = audit.page(first, pageSize);
      setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
      return page.items();
    }

    @Override
    public String getRowKey(AuditEntry entry) {
      return entry.id();
    }
  }

  public Entries getEntries() {
    return entries;
  }
}
