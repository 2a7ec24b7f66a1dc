package dev.plinth.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Sets browser-hardening headers on every response of the application, errors included. The API
 * serves JSON only, so the content security policy allows nothing to load or frame it.
 */
// Implements Filter directly: Liberty's annotation scan ignores @WebFilter on HttpFilter
// subclasses.
@WebFilter(filterName = "security-headers", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter implements Filter {

  /** The headers and their values. */
  static final Map<String, String> HEADERS =
      Map.of(
          "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
          "Cache-Control", "no-store");

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse response = (HttpServletResponse) res;
    HEADERS.forEach(response::setHeader);
    chain.doFilter(req, res);
  }
}
