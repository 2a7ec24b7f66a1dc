/**
 * The MicroProfile Metrics bridge: every metric recorded through Plinth {@code Telemetry} (the
 * SDK's port metrics and the application's own) is also registered in the MicroProfile Metrics
 * application registry, so it appears on {@code /metrics} next to the container's metrics.
 */
package dev.plinth.jakarta.metrics;
