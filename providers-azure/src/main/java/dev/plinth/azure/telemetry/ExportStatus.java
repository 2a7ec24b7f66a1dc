package dev.plinth.azure.telemetry;

import dev.plinth.Health;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers how the latest exports to Application Insights ended, for {@code health()}. A failing
 * exporter degrades telemetry but never the application, so the worst state reported is DEGRADED.
 */
final class ExportStatus {
  private final Clock clock;
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong consecutiveFailures = new AtomicLong();

  ExportStatus(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records the outcome of an export once it completes.
   *
   * @param result the exporter's result
   * @return the same result, for chaining
   */
  CompletableResultCode track(CompletableResultCode result) {
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            lastSuccess.set(clock.instant());
            consecutiveFailures.set(0);
          } else {
            lastFailure.set(clock.instant());
            failures.incrementAndGet();
            consecutiveFailures.incrementAndGet();
          }
        });
    return result;
  }

  /**
   * Reports the exporter health.
   *
   * @param detail facts to add (role name, sampling), never secrets
   * @return UP while the latest export succeeded (or none ran yet), DEGRADED after a failure
   */
  Health health(Map<String, Object> detail) {
    Map<String, Object> data = new LinkedHashMap<>(detail);
    Instant success = lastSuccess.get();
    Instant failure = lastFailure.get();
    if (success != null) {
      data.put("lastSuccess", success.toString());
    }
    if (failure != null) {
      data.put("lastFailure", failure.toString());
    }
    data.put("failedExports", failures.get());
    if (consecutiveFailures.get() > 0) {
      return Health.degraded(
              "The latest export to Application Insights failed; telemetry is retried from the"
                  + " local buffer. Check the ingestion endpoint and network egress.")
          .withData(data);
    }
    String detailText =
        success == null
            ? "Exporting to Application Insights; no export has completed yet"
            : "Exporting to Application Insights";
    return Health.up(detailText).withData(data);
  }
}
