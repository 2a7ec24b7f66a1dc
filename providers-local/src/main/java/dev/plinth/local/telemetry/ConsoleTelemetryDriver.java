package dev.plinth.local.telemetry;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.core.telemetry.CurrentSpan;
import dev.plinth.core.telemetry.TraceIds;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Timer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Console telemetry: one JSON object per line for every structured event and finished span (with
 * trace id, span id and correlation id), and an in-memory {@link MetricRegistry} that servers
 * expose in the Prometheus format via {@link #prometheus()}.
 */
public final class ConsoleTelemetryDriver implements TelemetryDriver {
  private final Consumer<String> lines;
  private final boolean logSpans;
  private final Clock clock;
  private final MetricRegistry registry = new MetricRegistry();
  private final CurrentSpan<ConsoleSpan> current = new CurrentSpan<>();

  /**
   * Creates the driver.
   *
   * @param lines where each JSON line goes (for example {@code System.out::println})
   * @param logSpans whether finished spans are written (events always are)
   * @param clock the clock for timestamps
   */
  public ConsoleTelemetryDriver(Consumer<String> lines, boolean logSpans, Clock clock) {
    this.lines = lines;
    this.logSpans = logSpans;
    this.clock = clock;
  }

  /**
   * Returns the metric registry.
   *
   * @return the registry
   */
  public MetricRegistry registry() {
    return registry;
  }

  /**
   * Renders every metric in the Prometheus text format ({@link PrometheusFormat#CONTENT_TYPE}).
   *
   * @return the exposition text
   */
  public String prometheus() {
    return PrometheusFormat.render(registry);
  }

  @Override
  public String provider() {
    return "console";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder().feature("telemetry.prometheus", "telemetry.json-logs").build();
  }

  @Override
  public Health health() {
    return Health.up("writing JSON lines to the console");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(registry)) {
      return type.cast(registry);
    }
    throw new IllegalArgumentException(
        "Console telemetry wraps a MetricRegistry, not a " + type.getName());
  }

  @Override
  public Counter counter(String name, Tags tags) {
    return registry.counter(name, tags);
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return registry.timer(name, tags);
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return registry.histogram(name, tags);
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    registry.gauge(name, tags, value);
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    ConsoleSpan parent = current.get();
    return parent == null
        ? new ConsoleSpan(this, name, kind, TraceIds.newTraceId(), null, clock.millis())
        : new ConsoleSpan(this, name, kind, parent.traceId(), parent.spanId(), clock.millis());
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    return TraceIds.parse(traceparent)
        .<Span>map(p -> new ConsoleSpan(this, name, kind, p.traceId(), p.spanId(), clock.millis()))
        .orElseGet(() -> startSpan(name, kind));
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", clock.instant().toString());
    line.put("type", "event");
    line.put("name", name);
    ConsoleSpan span = current.get();
    if (span != null) {
      line.put("traceId", span.traceId());
      line.put("spanId", span.spanId());
    }
    CorrelationContext.current().ifPresent(id -> line.put("correlationId", id));
    if (attributes != null && !attributes.isEmpty()) {
      line.put("attributes", attributes);
    }
    write(line);
  }

  Scope makeCurrent(ConsoleSpan span) {
    return current.enter(span);
  }

  void spanEnded(ConsoleSpan span) {
    if (logSpans) {
      write(span.toRecord(CorrelationContext.current().orElse(null)));
    }
  }

  private void write(Map<String, Object> line) {
    StringBuilder sb = new StringBuilder(256);
    Json.write(sb, line);
    lines.accept(sb.toString());
  }

  @Override
  public void close() {
    // Nothing buffered: every line is written when it happens.
  }
}
