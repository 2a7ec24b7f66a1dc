package dev.plinth.server.metrics;

import dev.plinth.server.PlinthApplication;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Records every API request through the SDK {@link Telemetry}: {@value #REQUESTS} and {@value
 * #DURATION}, tagged {@code method}, {@code route} (the template, e.g. {@code
 * /api/v1/workflows/{id}}) and {@code status}. Runs first on the way in and last on the way out, so
 * rejected requests (401, 403, 429) are counted too.
 */
@Provider
@PreMatching // so requests that match no resource (404, 405) are timed and counted too
@ApplicationScoped
@Priority(100)
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** Counter of requests. */
  public static final String REQUESTS = "plinth_http_requests_total";

  /** Timer of request durations. */
  public static final String DURATION = "plinth_http_request_duration_seconds";

  private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";
  private static final RouteTemplates ROUTES = new RouteTemplates(PlinthApplication.class);

  @Inject Telemetry telemetry;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    Tags tags =
        Tags.of(
            "method", request.getMethod(),
            "route", ROUTES.of(resource.getResourceClass(), resource.getResourceMethod()),
            "status", String.valueOf(response.getStatus()));
    telemetry.counter(REQUESTS, tags).increment();
    telemetry.timer(DURATION, tags).recordNanos(System.nanoTime() - started);
  }
}
