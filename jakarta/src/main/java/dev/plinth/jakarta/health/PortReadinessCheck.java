package dev.plinth.jakarta.health;

import dev.plinth.Health;
import dev.plinth.core.PlatformDescription;
import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of one Plinth port, named {@code plinth-<port>} on {@code /health/ready}, with the
 * provider, the port's own detail and any data it reported.
 *
 * <p>A port that reports DEGRADED is UP with {@code degraded=true}. So is the cache even when DOWN:
 * the SDK cache treats an outage as misses and the application keeps serving from its source of
 * truth, so taking the instance out of the load balancer would only turn a slowdown into an outage.
 */
abstract class PortReadinessCheck implements HealthCheck {
  private final PortName port;
  private final PlatformProducer producer;

  PortReadinessCheck(PortName port, PlatformProducer producer) {
    this.port = port;
    this.producer = producer;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("plinth-" + port.id());
    Health health;
    String provider;
    try {
      health = producer.health().port(port);
      PlatformDescription.PortDescription described = producer.platform().describe().port(port);
      provider = described == null ? "unknown" : described.provider();
    } catch (RuntimeException e) {
      return response
          .down()
          .withData("detail", "The platform did not start: " + e.getClass().getSimpleName())
          .build();
    }
    PortReadiness readiness = PortReadiness.of(port, provider, health);
    response.status(readiness.ready());
    readiness.data().forEach(response::withData);
    return response.build();
  }
}
