package dev.plinth.server.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: {@code type} is {@code https://plinth.dev/problems/<code>}, stable per kind
 * of error, so clients branch on it rather than on the text.
 *
 * @param status the HTTP status
 * @param code the stable error code, e.g. {@code not-found}
 * @param title a short summary of the kind of error
 * @param detail what happened in this case and what to do
 * @param extensions extra members (e.g. {@code field}, {@code reason}); values are strings
 */
public record Problem(
    int status, String code, String title, String detail, Map<String, String> extensions) {
  /** The media type of every error response. */
  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  /** The prefix of every problem type URI. */
  public static final String TYPE_PREFIX = "https://plinth.dev/problems/";

  /**
   * Validates and copies the fields.
   *
   * @param status the status
   * @param code the code
   * @param title the title
   * @param detail the detail
   * @param extensions the extra members
   */
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    detail = detail == null ? title : detail;
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  /**
   * Creates a problem without extensions.
   *
   * @param status the status
   * @param code the code
   * @param title the title
   * @param detail the detail
   * @return the problem
   */
  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(status, code, title, detail, Map.of());
  }

  /**
   * Returns a copy with one more extension member.
   *
   * @param name the member name
   * @param value the member value
   * @return the new problem
   */
  public Problem with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(status, code, title, detail, more);
  }

  /**
   * Returns the type URI.
   *
   * @return {@code https://plinth.dev/problems/<code>}
   */
  public String type() {
    return TYPE_PREFIX + code;
  }

  /**
   * Renders the problem as JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", type())
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    extensions.forEach(json::add);
    return json.build().toString();
  }

  /**
   * Builds the HTTP response.
   *
   * @return a response builder with status, media type and body set
   */
  public Response.ResponseBuilder toResponseBuilder() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson());
  }

  /**
   * Builds the HTTP response.
   *
   * @return the response
   */
  public Response toResponse() {
    return toResponseBuilder().build();
  }
}
