package io.ltvengine.model.data;

/** A transaction file that cannot be read as its format says, with the line that shows it. */
public final class InputException extends IllegalArgumentException {

  private final int line;

  public InputException(int line, String problem) {
    super(problem);
    this.line = line;
  }

  /** The 1-based line of the problem; 0 when it concerns the file as a whole. */
  public int line() {
    return line;
  }
}
