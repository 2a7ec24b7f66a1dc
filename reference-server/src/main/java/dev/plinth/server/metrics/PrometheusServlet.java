package dev.plinth.server.metrics;

import dev.plinth.jakarta.PlatformProducer;
import dev.plinth.local.telemetry.ConsoleTelemetryDriver;
import dev.plinth.local.telemetry.PrometheusFormat;
import dev.plinth.telemetry.Telemetry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The Prometheus scrape target of the application: every metric recorded through the SDK {@link
 * Telemetry} (HTTP requests by route and status, executions, queue outcomes, cache hits and misses,
 * storage bytes, authentications) in the text exposition format. Only the {@code console} telemetry
 * keeps metrics in process; other providers export them themselves (App Insights), so this answers
 * 404 with a hint.
 */
@WebServlet(name = "plinth-metrics", urlPatterns = PrometheusServlet.PATH)
public class PrometheusServlet extends HttpServlet {
  /** Where the exposition is served. */
  public static final String PATH = "/prometheus";

  private static final long serialVersionUID = 1L;

  // The platform, not an injected Telemetry: unwrap through a CDI client proxy yields the proxy.
  @Inject transient PlatformProducer platforms;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Telemetry telemetry = platforms.platform().telemetry();
    ConsoleTelemetryDriver console;
    try {
      console = telemetry.unwrap(ConsoleTelemetryDriver.class);
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("text/plain; charset=utf-8");
      response
          .getWriter()
          .write(
              "Telemetry provider '"
                  + telemetry.provider()
                  + "' exports its metrics itself; set plinth.telemetry.provider=console to"
                  + " scrape them here.\n");
      return;
    }
    response.setContentType(PrometheusFormat.CONTENT_TYPE);
    response.getWriter().write(console.prometheus());
  }
}
