package dev.plinth.server.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The last resort: any exception no other mapper handles becomes a 500 without a stack trace. */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    // Transaction interceptors wrap a commit-time optimistic lock failure; it is still a 412.
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return OptimisticLockMapper.conflict().toResponse();
      }
    }
    return ServerErrors.internal(e);
  }
}
