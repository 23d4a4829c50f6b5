package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleChecks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Checks and groups, read once per view: changes to them come through the API (checks report themselves). */
@Named
@ViewScoped
public class ChecksBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleChecks consoleChecks;

  private List<ConsoleChecks.CheckRow> checks;
  private List<ConsoleChecks.GroupRow> groups;

  @PostConstruct
  void load() {
    checks = consoleChecks.checks();
    groups = consoleChecks.groups();
  }

  public List<ConsoleChecks.CheckRow> getChecks() {
    return checks;
  }

  public List<ConsoleChecks.GroupRow> getGroups() {
    return groups;
  }
}
