package dev.plinth.server.http;

import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Accepts the caller's {@code X-Correlation-ID} (1-128 of {@code [A-Za-z0-9._:-]}) or generates
 * one, returns it on the response, and makes it current for the request's thread so the SDK writes
 * it into telemetry and message properties. A malformed id is replaced rather than echoed, so a
 * header cannot inject text into logs.
 */
@WebFilter(filterName = "correlation-id", urlPatterns = "/*", asyncSupported = true)
public class CorrelationIdFilter implements Filter {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String id = correlationId(request.getHeader(CorrelationContext.HEADER));
    response.setHeader(CorrelationContext.HEADER, id);
    try (Scope scope = CorrelationContext.open(id)) {
      chain.doFilter(request, response);
    }
  }

  /**
   * Returns the id to use for a request.
   *
   * @param offered the caller's header value, or null
   * @return the offered id if well formed, else a new one
   */
  static String correlationId(String offered) {
    return offered != null && VALID.matcher(offered).matches()
        ? offered
        : CorrelationContext.newId();
  }
}
