package dev.alertwire.delivery.preview;

/** More previews at once than the server renders side by side: try again in a moment (429 at the API). */
public class Busy extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Busy(String message) {
    super(message);
  }
}
