package dev.plinth.server.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own errors (unknown route, wrong method or media type, unreadable
 * body) into problems. The runtime's messages are not echoed: they name internal classes.
 */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status >= 500) {
      return ServerErrors.internal(e);
    }
    if (status == 400 && causedByJson(e)) {
      return MalformedJsonMapper.malformed().toResponse();
    }
    Response.ResponseBuilder response = forStatus(status).toResponseBuilder();
    if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
      response.header("Allow", e.getResponse().getHeaderString("Allow"));
    }
    return response.build();
  }

  private static boolean causedByJson(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonException || t instanceof JsonbException) {
        return true;
      }
    }
    return false;
  }

  private static Problem forStatus(int status) {
    return switch (status) {
      case 400 -> Problem.of(400, "bad-request", "Bad request", "The request is not valid.");
      case 401 -> Problem.of(401, "unauthenticated", "Authentication required", null);
      case 403 ->
          Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
      case 404 -> Problem.of(404, "not-found", "Not found", "No resource exists at this path.");
      case 405 ->
          Problem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              "This path does not accept that" + " HTTP method.");
      case 406 ->
          Problem.of(
              406,
              "not-acceptable",
              "Not acceptable",
              "The server cannot answer in the media" + " type the Accept header asks for.");
      case 415 ->
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "Send the body as" + " application/json.");
      default -> Problem.of(status, "http-" + status, "HTTP " + status, null);
    };
  }
}
