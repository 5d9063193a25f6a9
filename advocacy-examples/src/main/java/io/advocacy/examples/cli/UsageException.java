package io.advocacy.examples.cli;

/**
 * Bad user input the tool cannot work with: a missing file, an unknown model or format, an
 * unusable document. Printed as one {@code error: …} line with exit code 2, never a stack trace.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
