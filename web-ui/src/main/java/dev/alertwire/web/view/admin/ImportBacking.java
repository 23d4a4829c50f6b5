package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.transfer.ChecklyImport;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import from the hosted product (admins): upload or paste the export, see the dry run (what will be
 * created, what is skipped and why, the secrets it hides), give those secrets, confirm. The boundary
 * (ChecklyImport) checks the role, does the work in one transaction and audits it; secret values typed here
 * go to it and are never shown again.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The export is read whole: a larger upload is refused before the JSON parser sees it. */
  static final int MAX_EXPORT_BYTES = 1_000_000;

  @Inject Access access;
  @Inject ChecklyImport importer;

  private transient Part file;
  private String pasted = "";
  /** The export the dry run read, imported as is on confirm. */
  private String document;
  private ChecklyImport.Report report;
  private List<SecretRow> secrets = List.of();

  /** A secret the export hides, with the value the admin types (write-only: never rendered back). */
  public static class SecretRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ChecklyImport.SecretNeeded needed;
    private String value = "";

    SecretRow(ChecklyImport.SecretNeeded needed) {
      this.needed = needed;
    }

    public ChecklyImport.SecretNeeded getNeeded() {
      return needed;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  public void dryRun() {
    report = null;
    secrets = List.of();
    try {
      access.requireAdmin();
      document = exportText();
      report = importer.run(document, Map.of(), true);
      secrets = report.secretsNeeded().stream().map(SecretRow::new).toList();
      // The export may hold credentials (locked headers): it stays on the server, not in the page.
      pasted = "";
    } catch (InvalidInputException e) {
      document = null;
      FieldMessages.show(e, field -> "upload:pasted");
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
  }

  public String confirm() {
    if (document == null) {
      FieldMessages.error("Run the dry run first.");
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    secrets.forEach(s -> values.put(s.needed.ref(), s.value));
    try {
      access.requireAdmin();
      ChecklyImport.Report done = importer.run(document, values, false);
      FieldMessages.flash("Imported " + done.created().size() + " item(s) from the hosted product; " + done.skipped().size() + " skipped.");
      return "/admin/channels?faces-redirect=true";
    } catch (InvalidInputException e) {
      FieldMessages.show(e, this::secretInput);
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    return null;
  }

  /** {@code secretValues.<ref>} beside that secret's input; anything else at the top of the page. */
  private String secretInput(String field) {
    for (int i = 0; i < secrets.size(); i++) {
      if (field.equals("secretValues." + secrets.get(i).needed.ref())) {
        return "confirm:secrets:" + i + ":value";
      }
    }
    return null;
  }

  private String exportText() {
    if (file != null && file.getSize() > 0) {
      if (file.getSize() > MAX_EXPORT_BYTES) {
        throw new InvalidInputException("file", "is larger than " + MAX_EXPORT_BYTES + " bytes");
      }
      try (InputStream in = file.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidInputException("file", "could not be read: " + e.getMessage());
      }
    }
    if (pasted == null || pasted.isBlank()) {
      throw new InvalidInputException("file", "choose the export file or paste it");
    }
    return pasted;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getPasted() {
    return pasted;
  }

  public void setPasted(String pasted) {
    this.pasted = pasted;
  }

  public ChecklyImport.Report getReport() {
    return report;
  }

  public List<SecretRow> getSecrets() {
    return secrets;
  }

  public List<ChecklyImport.Created> getCreated() {
    return report == null ? List.of() : report.created();
  }

  public List<ChecklyImport.Skipped> getSkipped() {
    return report == null ? List.of() : report.skipped();
  }
}
