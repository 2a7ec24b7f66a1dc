package dev.plinth.local.telemetry;

import dev.plinth.telemetry.PlinthMetrics;
import java.util.Map;

/** {@code # HELP} texts for Plinth's own metrics; other metrics are described by their name. */
final class MetricHelp {
  private static final Map<String, String> HELP =
      Map.ofEntries(
          Map.entry(PlinthMetrics.STORAGE_OPS, "Blob store operations by op, provider and outcome"),
          Map.entry(PlinthMetrics.STORAGE_BYTES, "Bytes written to and read from the blob store"),
          Map.entry(PlinthMetrics.STORAGE_DURATION, "Blob store operation latency in seconds"),
          Map.entry(PlinthMetrics.CACHE_REQUESTS, "Cache lookups by result (hit, miss, loaded)"),
          Map.entry(PlinthMetrics.CACHE_OPS, "Cache operations by op, provider and outcome"),
          Map.entry(PlinthMetrics.CACHE_DURATION, "Cache operation latency in seconds"),
          Map.entry(PlinthMetrics.QUEUE_SENT, "Messages sent by queue, provider and outcome"),
          Map.entry(
              PlinthMetrics.QUEUE_MESSAGES,
              "Messages handled by outcome (ack, retry, dead_letter)"),
          Map.entry(PlinthMetrics.QUEUE_HANDLER_DURATION, "Message handler latency in seconds"),
          Map.entry(PlinthMetrics.AUTH_SUCCESSES, "Accepted bearer tokens"),
          Map.entry(PlinthMetrics.AUTH_FAILURES, "Refused bearer tokens by reason"),
          Map.entry(PlinthMetrics.AUTH_DURATION, "Token verification latency in seconds"));

  private MetricHelp() {}

  static String describe(String name) {
    return HELP.getOrDefault(name, name.replace('_', ' '));
  }
}
