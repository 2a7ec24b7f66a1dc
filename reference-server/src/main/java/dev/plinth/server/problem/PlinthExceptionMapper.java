package dev.plinth.server.problem;

import dev.plinth.error.AlreadyExistsException;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthorizationException;
import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.error.ThrottledException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps the SDK's error hierarchy to problems: the SDK code becomes the problem type. Client errors
 * carry the SDK message (written to be shown: it never holds secrets or tokens); server errors
 * (configuration, unknown) are logged and answered with a generic text.
 */
@Provider
public final class PlinthExceptionMapper implements ExceptionMapper<PlinthException> {
  private static final Logger LOG = Logger.getLogger(PlinthExceptionMapper.class.getName());

  @Override
  public Response toResponse(PlinthException e) {
    if (e instanceof AuthenticationException auth) {
      return BearerChallenge.invalidToken(auth);
    }
    if (e instanceof ThrottledException throttled) {
      Response.ResponseBuilder response = problem(429, e, "Too many requests").toResponseBuilder();
      throttled
          .retryAfter()
          .ifPresent(d -> response.header("Retry-After", Math.max(1, d.toSeconds())));
      return response.build();
    }
    if (e instanceof ProviderUnavailableException) {
      LOG.log(Level.WARNING, "A backend is unavailable", e);
      return problem(503, e, "Service unavailable")
          .toResponseBuilder()
          .header("Retry-After", 5)
          .build();
    }
    Problem known = clientError(e);
    if (known != null) {
      return known.toResponse();
    }
    return ServerErrors.internal(e);
  }

  private static Problem clientError(PlinthException e) {
    if (e instanceof NotFoundException) {
      return problem(404, e, "Not found");
    }
    if (e instanceof PreconditionFailedException) {
      return problem(412, e, "Precondition failed");
    }
    if (e instanceof AlreadyExistsException) {
      return problem(409, e, "Already exists");
    }
    if (e instanceof InvalidKeyException) {
      return problem(400, e, "Invalid key");
    }
    if (e instanceof PayloadTooLargeException) {
      return problem(413, e, "Payload too large");
    }
    if (e instanceof AuthorizationException) {
      return problem(403, e, "Forbidden");
    }
    return null;
  }

  private static Problem problem(int status, PlinthException e, String title) {
    return Problem.of(status, e.code(), title, e.getMessage());
  }
}
