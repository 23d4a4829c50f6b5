package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleChannels;
import dev.alertwire.delivery.console.ConsoleDeliveries;
import dev.alertwire.delivery.history.DeliveryHistory;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** One delivery with every attempt as recorded (already redacted), and redeliver or cancel. */
@Named
@ViewScoped
public class DeliveryDetailBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject ConsoleDeliveries deliveries;
  @Inject ConsoleChannels channels;

  private String id;
  private DeliveryHistory.Detail detail;

  /** A header line as recorded: request headers are a list, response headers a map of lists. */
  private String checkName;

  public record HeaderLine(String name, String value) implements Serializable {}

  public String load() {
    detail = deliveries.detail(id).orElse(null);
    if (detail == null) {
      FieldMessages.flash("That delivery no longer exists (old history is pruned).");
      return "/admin/deliveries?faces-redirect=true";
    }
    checkName = channels.checkName(detail.delivery().checkId()).orElse(null);
    return null;
  }

  /** The poll's listener while the delivery is unfinished: what the dispatcher did since, without a reload. */
  public void refresh() {
    deliveries.detail(id).ifPresent(found -> detail = found);
  }

  /** True once nothing more will happen to the delivery: the page stops polling. */
  public boolean isFinished() {
    return detail == null || detail.delivery().status().isFinished();
  }

  /** The check's name, or null when the check is gone or the delivery has none (a test-send's sample). */
  public String getCheckName() {
    return checkName;
  }

  public String redeliver() {
    try {
      access.requireAdmin();
      var again = deliveries.redeliver(id);
      FieldMessages.flash("Queued a redelivery; this is it.");
      return "/admin/delivery?faces-redirect=true&id=" + again.id();
    } catch (InvalidInputException e) {
      FieldMessages.error(e.errors().get(0).message());
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    return null;
  }

  public String cancel() {
    try {
      access.requireAdmin();
      deliveries.cancel(id);
      FieldMessages.flash("Cancelled.");
      return "/admin/delivery?faces-redirect=true&id=" + id;
    } catch (InvalidInputException e) {
      FieldMessages.error(e.errors().get(0).message());
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    return null;
  }

  public List<HeaderLine> requestHeaders(DeliveryAttempt attempt) {
    List<HeaderLine> lines = new ArrayList<>();
    String json = attempt.details().requestHeadersJson();
    if (json != null) {
      Json.createReader(new StringReader(json)).readArray().getValuesAs(JsonObject.class)
          .forEach(h -> lines.add(new HeaderLine(h.getString("name"), h.getString("value"))));
    }
    return lines;
  }

  public List<HeaderLine> responseHeaders(DeliveryAttempt attempt) {
    List<HeaderLine> lines = new ArrayList<>();
    String json = attempt.details().responseHeadersJson();
    if (json != null) {
      JsonObject o = Json.createReader(new StringReader(json)).readObject();
      o.forEach((name, values) -> values.asJsonArray().forEach(v -> lines.add(new HeaderLine(name, text(v)))));
    }
    return lines;
  }

  private static String text(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public DeliveryHistory.Detail getDetail() {
    return detail;
  }
}
