package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.access.AccessDenied;
import dev.alertwire.delivery.console.ConsoleVariables;
import dev.alertwire.delivery.variable.SecretPromotion;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.secret.SecretPromotionText;
import dev.alertwire.domain.secret.SecretPromotionText.Field;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.primefaces.PrimeFaces;

/**
 * The channel editor's lock beside a field: the selected (or whole) literal of that field becomes a named
 * environment secret, and the draft holds its reference instead. The literal is held here between the lock
 * and the dialog's answer only, and no getter hands it to the page: the dialog shows its field and length.
 */
@Named
@ViewScoped
public class SecretPromotionBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject SecretPromotion promotion;
  @Inject ConsoleVariables variables;
  @Inject ChannelEditorBacking editor;

  private String selection = "";
  private String literal;
  private String where;
  private String name;
  private String takenName;
  private boolean takenIsSecret;
  private String onTaken;

  /**
   * The lock was clicked beside a field: {@code url}, {@code body}, {@code headers:N} or
   * {@code queryParameters:N}. Opens the dialog with a suggested name, or says why it cannot.
   */
  public void open(String field) {
    literal = null;
    takenName = null;
    onTaken = null;
    String typed = selection;
    selection = "";
    try {
      access.requireAdmin();
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
      return;
    }
    Field kind;
    String label = null;
    String text;
    if (field.equals("url")) {
      kind = Field.URL;
      text = editor.getUrl();
      where = "URL";
    } else if (field.equals("body")) {
      kind = Field.BODY;
      text = WebhookTemplate.lf(editor.getBody());
      where = "body";
    } else {
      boolean header = field.startsWith("headers:");
      List<ParameterRow> rows = header ? editor.getHeaders() : editor.getQueryParameters();
      int index = Integer.parseInt(field.substring(field.indexOf(':') + 1));
      if (index < 0 || index >= rows.size() || rows.get(index).isLocked()) {
        return;
      }
      kind = header ? Field.HEADER : Field.QUERY;
      label = rows.get(index).getKey();
      text = rows.get(index).getValue();
      where = (header ? "header " : "query parameter ") + (label == null || label.isBlank() ? "value" : label.trim());
    }
    String chosen = typed == null || typed.isEmpty() ? SecretPromotionText.wholeLiteral(kind, text).orElse("") : WebhookTemplate.lf(typed);
    Optional<String> refused = SecretPromotionText.refusal(chosen, VariableAdministration.MIN_SECRET_LENGTH);
    if (refused.isEmpty() && (text == null || !text.contains(chosen))) {
      refused = Optional.of("Select the value inside the field beside the lock.");
    }
    if (refused.isPresent()) {
      FieldMessages.error(refused.get());
      return;
    }
    literal = chosen;
    name = SecretPromotionText.suggestName(kind, label, text, chosen);
    noteIfTaken();
    PrimeFaces.current().ajax().addCallbackParam("promoteOpen", true);
  }

  /** The dialog's answer: one boundary call, then the draft holds the reference wherever it held the literal. */
  public void promote() {
    if (literal == null) {
      return;
    }
    boolean replace = name != null && name.equals(takenName) && "replace".equals(onTaken);
    if (name != null && name.equals(takenName) && !replace) {
      FieldMessages.errorAt("promote:name", "Choose another name, or replace the value of " + name + ".");
      return;
    }
    try {
      access.requireAdmin();
      SecretPromotion.Promoted done = promotion.promote(editor.getId(), name, literal, replace);
      replaceInDraft(literal, done.reference());
      FieldMessages.info(
          "Secret " + done.name() + (replace ? " replaced" : " created") + "; the " + where + " now holds " + done.reference()
              + (done.channelRewritten() ? ", in the saved channel too." : ". Save the channel to keep it."));
      literal = null;
      // The editor is rendered again only now: before, its fields still hold the literal.
      PrimeFaces.current().ajax().update("editor");
      PrimeFaces.current().ajax().addCallbackParam("promoted", true);
    } catch (VariableAdministration.AlreadyExists e) {
      noteIfTaken();
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> field.equals("key") ? "promote:name" : null);
    } catch (NotPermitted | AccessDenied e) {
      FieldMessages.error(e.getMessage());
    }
  }

  /** The name was changed in the dialog: ask at once if it is taken. */
  public void nameChanged() {
    noteIfTaken();
  }

  public void cancel() {
    literal = null;
    takenName = null;
  }

  private void noteIfTaken() {
    takenName = null;
    variables.list().stream().filter(v -> v.key().equals(name)).findFirst().ifPresent(v -> {
      takenName = v.key();
      takenIsSecret = v.locked();
      onTaken = null;
    });
  }

  /** Every plain field of the draft: the URL, header and query values, the body. Locked rows hold no template. */
  private void replaceInDraft(String text, String reference) {
    editor.setUrl(SecretPromotionText.replace(editor.getUrl(), text, reference));
    for (ParameterRow row : editor.getHeaders()) {
      if (!row.isLocked()) {
        row.setValue(SecretPromotionText.replace(row.getValue(), text, reference));
      }
    }
    for (ParameterRow row : editor.getQueryParameters()) {
      if (!row.isLocked()) {
        row.setValue(SecretPromotionText.replace(row.getValue(), text, reference));
      }
    }
    editor.setBody(SecretPromotionText.replace(WebhookTemplate.lf(editor.getBody()), text, reference));
    editor.variablesChanged();
    editor.refreshPreview();
  }

  /** Write-only: the page's hidden field always starts empty. */
  public String getSelection() {
    return "";
  }

  public void setSelection(String selection) {
    this.selection = selection == null ? "" : selection;
  }

  public boolean isReady() {
    return literal != null;
  }

  public String getWhere() {
    return where;
  }

  public int getLength() {
    return literal == null ? 0 : literal.length();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? null : name.trim();
  }

  public boolean isNameTaken() {
    return takenName != null && takenName.equals(name);
  }

  public String getTakenName() {
    return takenName;
  }

  public boolean isTakenIsSecret() {
    return takenIsSecret;
  }

  public String getOnTaken() {
    return onTaken;
  }

  public void setOnTaken(String onTaken) {
    this.onTaken = onTaken;
  }
}
