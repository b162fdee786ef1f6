package io.ltvengine.app.cli;

/**
 * Something the user gave a command cannot be used: the command prints one line saying what and
 * where, and exits with 2, as for a usage error, without a stack trace.
 */
public final class UserInputException extends RuntimeException {

  public UserInputException(String message) {
    super(message, null, false, false);
  }
}
