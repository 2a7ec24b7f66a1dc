package dev.plinth.azure.telemetry;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Application Insights telemetry on the OpenTelemetry SDK with the Azure Monitor exporter. Spans
 * become requests (server, consumer) and dependencies (client, producer, internal), events become
 * traces (log records carrying the current trace and correlation ids), and metrics become
 * customMetrics under their Plinth names, all with the configured cloud role name.
 */
public final class AppInsightsTelemetryDriver implements TelemetryDriver {
  /** The attribute that carries {@link CorrelationContext#current()} on events and spans. */
  public static final String CORRELATION_ID = "correlationId";

  /** How long {@link #close()} waits for the last export. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final AttributeKey<String> CORRELATION_KEY =
      AttributeKey.stringKey(CORRELATION_ID);
  private static final String SCOPE = "dev.plinth";
  private static final TextMapGetter<String> TRACEPARENT_GETTER = new TraceparentGetter();

  private final AppInsightsSettings settings;
  private final ExportStatus status;
  private final OpenTelemetrySdk sdk;
  private final Tracer tracer;
  private final Logger logger;
  private final OtelInstruments instruments;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Starts the OpenTelemetry SDK and its Azure Monitor exporters.
   *
   * @param settings the validated settings
   */
  public AppInsightsTelemetryDriver(AppInsightsSettings settings) {
    this.settings = settings;
    this.status = new ExportStatus(Clock.systemUTC());
    this.sdk = AzureMonitorSdk.start(settings, status);
    this.tracer = sdk.getTracer(SCOPE);
    this.logger = sdk.getSdkLoggerProvider().get(SCOPE);
    this.instruments = new OtelInstruments(sdk.getMeter(SCOPE));
  }

  @Override
  public String provider() {
    return "app-insights";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .feature("telemetry.traces", "telemetry.metrics", "telemetry.logs", "telemetry.otel")
        .build();
  }

  @Override
  public Health health() {
    if (closed.get()) {
      return Health.down("Application Insights telemetry is closed");
    }
    return status.health(
        Map.of(
            "roleName", settings.roleName(),
            "samplingRatio", settings.samplingRatio(),
            "exportInterval", settings.exportInterval().toString()));
  }

  /**
   * Returns this driver or the OpenTelemetry SDK behind it ({@link OpenTelemetry} or {@link
   * OpenTelemetrySdk}), e.g. to instrument a library with the same exporters.
   *
   * @param type the wanted type
   * @param <T> the wanted type
   * @return this driver or the SDK
   * @throws IllegalArgumentException if neither is of that type
   */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(sdk)) {
      return type.cast(sdk);
    }
    throw new IllegalArgumentException(
        "App Insights telemetry wraps an OpenTelemetrySdk, not a " + type.getName());
  }

  @Override
  public Counter counter(String name, Tags tags) {
    return instruments.counter(name, tags);
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return instruments.timer(name, tags);
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return instruments.histogram(name, tags);
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    instruments.gauge(name, tags, value);
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return start(spanBuilder(name, kind));
  }

  /**
   * {@inheritDoc} A missing or malformed {@code traceparent} starts a new trace, as the port
   * documents.
   */
  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    Context remote =
        traceparent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), traceparent.trim(), TRACEPARENT_GETTER);
    return start(spanBuilder(name, kind).setParent(remote));
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {
    LogRecordBuilder record =
        logger
            .logRecordBuilder()
            .setBody(name)
            .setSeverity(Severity.INFO)
            .setSeverityText("INFO")
            .setAllAttributes(OtelAttributes.of(attributes));
    CorrelationContext.current().ifPresent(id -> record.setAttribute(CORRELATION_KEY, id));
    record.emit();
  }

  /**
   * Exports everything buffered now (spans, log records and a metric collection) and waits for it,
   * e.g. before a short-lived job exits.
   *
   * @param timeout how long to wait
   * @return true if every export completed successfully in time
   */
  public boolean flush(Duration timeout) {
    CompletableResultCode result =
        CompletableResultCode.ofAll(
            List.of(
                sdk.getSdkTracerProvider().forceFlush(),
                sdk.getSdkLoggerProvider().forceFlush(),
                sdk.getSdkMeterProvider().forceFlush()));
    return result.join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
  }

  /** Exports what is buffered and shuts the SDK down, waiting at most {@link #CLOSE_TIMEOUT}. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      sdk.shutdown().join(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private SpanBuilder spanBuilder(String name, SpanKind kind) {
    SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(otelKind(kind));
    CorrelationContext.current().ifPresent(id -> builder.setAttribute(CORRELATION_KEY, id));
    return builder;
  }

  private static Span start(SpanBuilder builder) {
    return new AppInsightsSpan(builder.startSpan());
  }

  static io.opentelemetry.api.trace.SpanKind otelKind(SpanKind kind) {
    return switch (kind) {
      case INTERNAL -> io.opentelemetry.api.trace.SpanKind.INTERNAL;
      case CLIENT -> io.opentelemetry.api.trace.SpanKind.CLIENT;
      case SERVER -> io.opentelemetry.api.trace.SpanKind.SERVER;
      case PRODUCER -> io.opentelemetry.api.trace.SpanKind.PRODUCER;
      case CONSUMER -> io.opentelemetry.api.trace.SpanKind.CONSUMER;
    };
  }

  /** Presents one {@code traceparent} value as a carrier to the W3C propagator. */
  private static final class TraceparentGetter implements TextMapGetter<String> {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of("traceparent");
    }

    @Override
    public String get(String carrier, String key) {
      return "traceparent".equals(key) ? carrier : null;
    }
  }
}
