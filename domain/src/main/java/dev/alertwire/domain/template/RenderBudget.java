package dev.alertwire.domain.template;

/**
 * The work one request's renderings may do together: rendering steps (bodies run plus statements
 * rendered) and characters produced. One budget is shared by every field of a request (URL, each header
 * and query value, the body), so a request with hundreds of fields cannot multiply the limit of one. Not
 * thread-safe: one request renders on one thread.
 */
public final class RenderBudget {
  /**
   * Steps of one request. A real template over a large alert (100,000 tags) stays well under it; a loop
   * inside a loop over large arrays hits it in a second or two instead of holding a thread for hours.
   */
  public static final long MAX_STEPS = 5_000_000;

  /**
   * Characters one request may produce, counted each time a body returns its output (so a character is
   * counted once per block it passes through). Bounds the memory a request's rendering can take.
   */
  public static final long MAX_OUTPUT = 16L * 1024 * 1024;

  private final long maxSteps;
  private final long maxOutput;
  private long steps;
  private long produced;

  public RenderBudget() {
    this(MAX_STEPS, MAX_OUTPUT);
  }

  RenderBudget(long maxSteps, long maxOutput) {
    this.maxSteps = maxSteps;
    this.maxOutput = maxOutput;
  }

  void step() {
    if (++steps > maxSteps) {
      throw new TemplateException(
          "The templates take more than " + maxSteps + " rendering steps (a loop inside a loop over large arrays?)");
    }
  }

  void checkOutput(long pending) {
    if (produced + pending > maxOutput) {
      throw new TemplateException(
          "The templates render more than " + maxOutput / (1024 * 1024) + " MiB (a loop inside a loop over large arrays?)");
    }
  }

  void produced(long characters) {
    produced += characters;
  }

  /** Steps taken so far. */
  public long steps() {
    return steps;
  }
}
