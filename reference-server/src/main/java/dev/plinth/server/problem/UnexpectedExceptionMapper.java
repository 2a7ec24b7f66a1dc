package dev.plinth.server.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The last resort: any exception no other mapper handles becomes a 500 without a stack trace. */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    return ServerErrors.internal(e);
  }
}
