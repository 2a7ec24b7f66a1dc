package dev.plinth.server.problem;

/**
 * A request body or parameter is invalid; answered with 400 and the offending field named (a JSON
 * path such as {@code definition.steps[2].type}).
 */
public final class RequestValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the path of the invalid field
   * @param message what is wrong and what is expected
   */
  public RequestValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * Returns the path of the invalid field.
   *
   * @return e.g. {@code definition.steps[0].url}
   */
  public String field() {
    return field;
  }
}
