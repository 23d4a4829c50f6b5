package dev.alertwire.web.view.admin;

import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Function;

/**
 * Puts each refused field's message beside its component. {@code clientIds} maps a boundary field name
 * (such as {@code headers[2].value}) to a client id; unmapped fields go to the page's global messages.
 */
final class FieldMessages {
  private FieldMessages() {}

  static void show(InvalidInputException refused, Function<String, String> clientIds) {
    FacesContext faces = FacesContext.getCurrentInstance();
    for (FieldError error : refused.errors()) {
      boolean placed = error.line() <= 0 || error.message().contains("line " + error.line());
      String where = placed ? "" : "line " + error.line() + ", column " + error.column() + ": ";
      String clientId = clientIds.apply(error.field());
      String text = where + error.message();
      faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, clientId == null ? error.field() + " " + text : text, null));
    }
    faces.validationFailed();
  }

  static void info(String summary) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
  }

  static void error(String summary) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
  }

  /** A message beside one component, such as a summary next to the button that was pressed. */
  static void errorAt(String clientId, String summary) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
  }

  /** A message that survives the redirect of post-redirect-get. */
  static void flash(String summary) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    info(summary);
  }
}
