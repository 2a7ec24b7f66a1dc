package dev.plinth.server.workflow;

import dev.plinth.server.problem.RequestValidationException;

/**
 * Validated pagination parameters, parsed from text so that a bad value is a 400 naming the
 * parameter rather than the runtime's 404.
 *
 * @param page the zero-based page
 * @param size the page size (1 to 100)
 */
public record PageRequest(int page, int size) {
  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  /**
   * Parses page and size query parameters.
   *
   * @param page the page text, or null for 0
   * @param size the size text, or null for 20
   * @return the request
   * @throws RequestValidationException naming the bad parameter
   */
  public static PageRequest parse(String page, String size) {
    return new PageRequest(
        number("page", page, 0, 0, 1_000_000), number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
  }

  private static int number(String name, String text, int fallback, int min, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RequestValidationException(
        name, "Must be a whole number from " + min + " to " + max + ".");
  }
}
