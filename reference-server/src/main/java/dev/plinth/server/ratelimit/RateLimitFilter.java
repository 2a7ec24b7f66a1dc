package dev.plinth.server.ratelimit;

import dev.plinth.cache.Cache;
import dev.plinth.server.problem.Problem;
import dev.plinth.telemetry.Telemetry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Applies the per-caller rate limit to every {@code /api/v1} request: per subject once {@code
 * BearerTokenFilter} authenticated the caller, else per client IP (behind proxies listed in {@code
 * plinth.server.trusted-proxies}, the forwarded client address; see {@link TrustedProxies}). Over
 * the limit the request is answered 429 ({@code throttled} problem, {@code Retry-After}); every
 * counted response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code
 * RateLimit-Reset}. Health, metrics and OpenAPI are not JAX-RS resources of this application, so
 * they are never limited.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 500) // after authentication, before role checks
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  @Inject Cache cache;
  @Inject Telemetry telemetry;
  @Inject Config config;
  @Context HttpServletRequest servletRequest;

  private volatile FixedWindowRateLimiter limiter;
  private volatile TrustedProxies trustedProxies;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal caller =
        request.getSecurityContext() == null
            ? null
            : request.getSecurityContext().getUserPrincipal();
    RateLimitDecision decision =
        caller == null
            ? limiter().acquire(null, clientAddress(request))
            : limiter().acquire(caller.getName(), null);
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      request.abortWith(
          Problem.of(
                  429,
                  "throttled",
                  "Too many requests",
                  "More than "
                      + decision.limit()
                      + " requests in the current window; retry after "
                      + decision.resetSeconds()
                      + " seconds.")
              .toResponseBuilder()
              .header(HttpHeaders.RETRY_AFTER, decision.resetSeconds())
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimitDecision decision
        && !decision.failedOpen()) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("RateLimit-Limit", decision.limit());
      headers.putSingle("RateLimit-Remaining", decision.remaining());
      headers.putSingle("RateLimit-Reset", decision.resetSeconds());
    }
  }

  private String clientAddress(ContainerRequestContext request) {
    TrustedProxies proxies = trustedProxies;
    if (proxies == null) {
      proxies =
          TrustedProxies.parse(
              config.getOptionalValue(TrustedProxies.KEY, String.class).orElse(null));
      trustedProxies = proxies;
    }
    return proxies.clientAddress(
        servletRequest.getRemoteAddr(),
        headers(request, "Forwarded"),
        headers(request, "X-Forwarded-For"));
  }

  private static List<String> headers(ContainerRequestContext request, String name) {
    List<String> values = request.getHeaders().get(name);
    return values == null ? List.of() : values;
  }

  private FixedWindowRateLimiter limiter() {
    FixedWindowRateLimiter current = limiter;
    if (current == null) {
      RateLimitSettings settings =
          RateLimitSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
      current = new FixedWindowRateLimiter(cache, telemetry, settings, Clock.systemUTC());
      limiter = current;
    }
    return current;
  }
}
