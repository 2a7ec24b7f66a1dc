package dev.plinth.server.cors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers CORS for the origins of {@link CorsPolicy}. A preflight ({@code OPTIONS} with {@code
 * Origin} and {@code Access-Control-Request-Method}) from an allowed origin is answered here with
 * 204, before authentication, because browsers never send credentials on preflights. An actual
 * request from an allowed origin gets {@code Access-Control-Allow-Origin} and the exposed headers.
 * Any other origin gets no CORS headers at all, so the browser blocks the response; the request is
 * otherwise handled as usual (CORS is a browser rule, not an access control).
 */
// Implements Filter directly: Liberty's annotation scan ignores @WebFilter on HttpFilter
// subclasses.
@WebFilter(filterName = "cors", urlPatterns = "/*", asyncSupported = true)
public class CorsFilter implements Filter {
  private CorsPolicy policy = CorsPolicy.parse(null);

  @Override
  public void init(FilterConfig filterConfig) {
    policy =
        CorsPolicy.parse(
            ConfigProvider.getConfig()
                .getOptionalValue(CorsPolicy.ALLOWED_ORIGINS_KEY, String.class)
                .orElse(null));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String origin = request.getHeader("Origin");
    if (!policy.enabled() || origin == null) {
      chain.doFilter(req, res);
      return;
    }
    // Responses differ by Origin: shared caches must not serve one origin's answer to another.
    response.addHeader("Vary", "Origin");
    if (!policy.allows(origin)) {
      chain.doFilter(req, res);
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (isPreflight(request)) {
      response.setHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
      response.setHeader("Access-Control-Max-Age", CorsPolicy.MAX_AGE);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
    chain.doFilter(req, res);
  }

  private static boolean isPreflight(HttpServletRequest request) {
    return "OPTIONS".equalsIgnoreCase(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null;
  }
}
