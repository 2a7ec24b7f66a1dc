package dev.plinth.core.storage;

import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs one storage operation with the same span, metrics and error mapping on every provider: a
 * CLIENT span {@code storage.<op>}, {@link PlinthMetrics#STORAGE_OPS} and {@link
 * PlinthMetrics#STORAGE_DURATION}, and driver failures mapped to the portable error hierarchy.
 */
final class StorageInstrumentation {
  /** The outcome tag of a successful operation. */
  static final String SUCCESS = "success";

  private final String provider;
  private final Telemetry telemetry;
  private final Counter bytesIn;
  private final Counter bytesOut;

  /** One storage operation, which may fail with a backend {@link IOException}. */
  @FunctionalInterface
  interface StorageCall<T> {
    T call() throws IOException;
  }

  StorageInstrumentation(String provider, Telemetry telemetry) {
    this.provider = provider;
    this.telemetry = telemetry;
    this.bytesIn =
        telemetry.counter(
            PlinthMetrics.STORAGE_BYTES, Tags.of("direction", "in", "provider", provider));
    this.bytesOut =
        telemetry.counter(
            PlinthMetrics.STORAGE_BYTES, Tags.of("direction", "out", "provider", provider));
  }

  /** Returns the counter of bytes written into the store. */
  Counter bytesIn() {
    return bytesIn;
  }

  /** Returns the counter of bytes read out of the store. */
  Counter bytesOut() {
    return bytesOut;
  }

  /**
   * Runs an operation inside a span, records its outcome and latency, and maps its failure.
   *
   * @param op the operation name, e.g. {@code put}
   * @param key the key (or prefix) it works on, for the span and error messages
   * @param call the operation
   * @return the operation's result
   */
  <T> T run(String op, String key, StorageCall<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    Span span = telemetry.startSpan("storage." + op, SpanKind.CLIENT);
    try {
      span.setAttribute("storage.provider", provider);
      span.setAttribute("storage.key", key == null ? "" : key);
      T result = call.call();
      outcome = SUCCESS;
      return result;
    } catch (IOException | RuntimeException e) {
      RuntimeException mapped = map(op, key, e);
      outcome = outcomeOf(mapped);
      span.recordError(mapped);
      throw mapped;
    } catch (Error e) {
      span.recordError(e);
      throw e;
    } finally {
      Tags tags = Tags.of("op", op, "provider", provider);
      telemetry.counter(PlinthMetrics.STORAGE_OPS, tags.and("outcome", outcome)).increment();
      telemetry.timer(PlinthMetrics.STORAGE_DURATION, tags).recordNanos(System.nanoTime() - start);
      span.close();
    }
  }

  private RuntimeException map(String op, String key, Exception e) {
    if (e instanceof PlinthException
        || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof UnsupportedOperationException) {
      // Portable errors and documented caller errors (bad range, missing capability) pass through.
      return (RuntimeException) e;
    }
    String what = op + " '" + BlobKeys.describe(key) + "'";
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return new ProviderUnavailableException(
          "Storage provider '"
              + provider
              + "' could not "
              + what
              + ": "
              + e.getMessage()
              + ". The backend may be down or unreachable; retry later.",
          e);
    }
    return new PlinthException(
        "Storage provider '" + provider + "' failed to " + what + ": " + e, e);
  }

  private static String outcomeOf(RuntimeException e) {
    if (e instanceof PlinthException p) {
      return p.code();
    }
    if (e instanceof UnsupportedOperationException) {
      return "unsupported";
    }
    return "invalid-argument";
  }
}
