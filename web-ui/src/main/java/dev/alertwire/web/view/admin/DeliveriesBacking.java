package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleChannels;
import dev.alertwire.delivery.console.ConsoleDeliveries;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.persistence.delivery.DeliverySearch;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The delivery history: filters above a lazily loaded, sortable table; a row opens its detail. */
@Named
@ViewScoped
public class DeliveriesBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleDeliveries deliveries;
  @Inject ConsoleChannels channels;

  private String channelId;
  private String checkId;
  private String status;
  private String alertType;
  private String kind = "";
  private LocalDateTime from;
  private LocalDateTime to;
  private List<ConsoleChannels.Target> channelChoices;
  private List<ConsoleChannels.Target> checkChoices;
  private final Rows rows = new Rows();
  private List<ConsoleDeliveries.Hour> hours;
  private long busiestHour;

  @PostConstruct
  void load() {
    channelChoices = channels.targets();
    checkChoices = channels.checks();
  }

  /** The chart's hours, counted when the chart's own request first asks (it loads after the page). */
  public List<ConsoleDeliveries.Hour> getHours() {
    if (hours == null) {
      hours = deliveries.lastDay(java.time.Instant.now());
      busiestHour = hours.stream().mapToLong(ConsoleDeliveries.Hour::total).max().orElse(0);
    }
    return hours;
  }

  public long getBusiestHour() {
    getHours();
    return busiestHour;
  }

  /** A bar segment's height in percent of the chart, the busiest hour filling it. */
  public String height(long count) {
    return busiestHour == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.2f", 100.0 * count / busiestHour);
  }

  /** Loads one page at a time with the filters of the form and the table's sort. */
  public class Rows extends LazyDataModel<ConsoleDeliveries.Row> {
    private static final long serialVersionUID = 1L;

    /**
     * What {@link #count} answered, and in which request, for the {@link #load} PrimeFaces calls right after it
     * in the same request: one count a page, not two. A count from an earlier request is never used.
     */
    private transient Long counted;

    private transient jakarta.faces.context.FacesContext countedIn;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      counted = deliveries.count(criteria(null));
      countedIn = jakarta.faces.context.FacesContext.getCurrentInstance();
      return (int) Math.min(Integer.MAX_VALUE, counted);
    }

    @Override
    public List<ConsoleDeliveries.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
      Long total = countedIn != null && countedIn == jakarta.faces.context.FacesContext.getCurrentInstance() ? counted : null;
      counted = null;
      countedIn = null;
      ConsoleDeliveries.Page page =
          total == null ? deliveries.page(criteria(sort), first, pageSize) : deliveries.page(criteria(sort), first, pageSize, total);
      setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
      return page.rows();
    }

    @Override
    public String getRowKey(ConsoleDeliveries.Row row) {
      return row.delivery().id();
    }
  }

  private DeliverySearch.Criteria criteria(SortMeta sort) {
    DeliverySearch.Sort column = DeliverySearch.Sort.CREATED;
    boolean ascending = false;
    if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
      column = switch (sort.getField()) {
        case "channel" -> DeliverySearch.Sort.CHANNEL;
        case "status" -> DeliverySearch.Sort.STATUS;
        case "attempts" -> DeliverySearch.Sort.ATTEMPTS;
        case "kind" -> DeliverySearch.Sort.KIND;
        default -> DeliverySearch.Sort.CREATED;
      };
      ascending = sort.getOrder() == SortOrder.ASCENDING;
    }
    return new DeliverySearch.Criteria(
        blankToNull(channelId),
        blankToNull(checkId),
        status == null || status.isBlank() ? null : DeliveryStatus.valueOf(status),
        blankToNull(alertType),
        "real".equals(kind) ? Boolean.TRUE : "test".equals(kind) ? Boolean.FALSE : null,
        utc(from),
        utc(to),
        column,
        ascending);
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Filter: a new GET with the filters as view parameters, so the URL can be shared or bookmarked. */
  public String applyFilters() {
    return "/admin/deliveries?faces-redirect=true&includeViewParams=true";
  }

  public String clearFilters() {
    return "/admin/deliveries?faces-redirect=true";
  }

  /** The time filters as URL parameters: ISO local date-times in UTC (2026-06-15T12:00), ignored when not one. */
  public String getFromParam() {
    return from == null ? null : from.toString();
  }

  public void setFromParam(String text) {
    from = parseTime(text);
  }

  public String getToParam() {
    return to == null ? null : to.toString();
  }

  public void setToParam(String text) {
    to = parseTime(text);
  }

  private static LocalDateTime parseTime(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDateTime.parse(text.trim());
    } catch (java.time.format.DateTimeParseException notATime) {
      return null;
    }
  }

  public Rows getRows() {
    return rows;
  }

  public List<ConsoleChannels.Target> getChannelChoices() {
    return channelChoices;
  }

  public List<ConsoleChannels.Target> getCheckChoices() {
    return checkChoices;
  }

  public String getCheckId() {
    return checkId;
  }

  public void setCheckId(String checkId) {
    this.checkId = checkId;
  }

  public DeliveryStatus[] getStatuses() {
    return DeliveryStatus.values();
  }

  public List<String> getAlertTypes() {
    return List.of("ALERT_FAILURE", "REMINDER", "ALERT_RECOVERY", "ALERT_DEGRADED", "ALERT_DEGRADED_RECOVERY", "ALERT_SSL");
  }

  public String getChannelId() {
    return channelId;
  }

  public void setChannelId(String channelId) {
    this.channelId = channelId;
  }

  public String getStatus() {
    return status;
  }

  /** From the form or the URL: anything but a status name filters nothing. */
  public void setStatus(String status) {
    this.status = java.util.Arrays.stream(DeliveryStatus.values()).anyMatch(s -> s.name().equals(status)) ? status : null;
  }

  public String getAlertType() {
    return alertType;
  }

  public void setAlertType(String alertType) {
    this.alertType = alertType;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = "real".equals(kind) || "test".equals(kind) ? kind : "";
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }

}
