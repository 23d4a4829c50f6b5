package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleChannels;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The alert channel list: duplicate, pause or resume, delete. */
@Named
@ViewScoped
public class ChannelsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject ConsoleChannels channels;

  private List<ConsoleChannels.Summary> rows;

  @PostConstruct
  void load() {
    rows = channels.list();
  }

  public List<ConsoleChannels.Summary> getRows() {
    return rows;
  }

  public String duplicate(String id) {
    return act(() -> {
      var copy = channels.duplicate(id);
      FieldMessages.flash("Created \"" + copy.name() + "\" (paused until you activate it).");
    });
  }

  public String toggle(String id, boolean activate) {
    return act(() -> FieldMessages.flash((activate ? "Activated " : "Paused ") + "\"" + channels.setActivated(id, activate).name() + "\"."));
  }

  public String delete(String id, String name) {
    return act(() -> {
      channels.delete(id);
      FieldMessages.flash("Deleted \"" + name + "\".");
    });
  }

  /** Every action ends in a redirect to the fresh list (post-redirect-get), or stays with the message. */
  private String act(Runnable action) {
    try {
      access.requireAdmin();
      action.run();
      return "/admin/channels?faces-redirect=true";
    } catch (InvalidInputException e) {
      FieldMessages.error(e.errors().get(0).message());
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    load();
    return null;
  }
}
