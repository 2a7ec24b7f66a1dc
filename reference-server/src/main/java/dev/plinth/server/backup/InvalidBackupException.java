package dev.plinth.server.backup;

/**
 * A backup that cannot be restored: corrupt, truncated, not a Plinth backup ({@code
 * backup-invalid}), or written by a format or schema this server does not know ({@code
 * backup-unsupported}). Answered 400; a restore that meets one changes nothing.
 */
public final class InvalidBackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Problem code of a corrupt, truncated or foreign file. */
  public static final String INVALID = "backup-invalid";

  /** Problem code of an unknown format version or a newer schema. */
  public static final String UNSUPPORTED = "backup-unsupported";

  private final String code;

  private InvalidBackupException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /**
   * A corrupt, truncated or foreign backup.
   *
   * @param message what is wrong, for the caller
   * @return the exception
   */
  public static InvalidBackupException invalid(String message) {
    return new InvalidBackupException(INVALID, message, null);
  }

  /**
   * A corrupt backup, with the low-level cause.
   *
   * @param message what is wrong, for the caller
   * @param cause the parse or I/O failure
   * @return the exception
   */
  public static InvalidBackupException invalid(String message, Throwable cause) {
    return new InvalidBackupException(INVALID, message, cause);
  }

  /**
   * A backup of an unknown format version or newer schema.
   *
   * @param message what is unsupported and what to do
   * @return the exception
   */
  public static InvalidBackupException unsupported(String message) {
    return new InvalidBackupException(UNSUPPORTED, message, null);
  }

  /**
   * @return {@link #INVALID} or {@link #UNSUPPORTED}
   */
  public String code() {
    return code;
  }
}
