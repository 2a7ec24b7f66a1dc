package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Telemetry} provider passes. Tests use unique metric, span and event
 * names, so one telemetry instance can serve the whole class. Probes may read asynchronously
 * exported data: span and event checks wait (Awaitility) up to ten seconds.
 */
public abstract class TelemetryContract {
  private static final int THREADS = 8;
  private static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Returns the telemetry under test.
   *
   * @return the telemetry
   */
  protected abstract Telemetry telemetry();

  /**
   * Returns a probe over what the telemetry under test recorded.
   *
   * @return the probe
   */
  protected abstract TelemetryProbe probe();

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Counters, timers and gauges. */
  @Nested
  class Metrics {

    @Test
    void counter_incrementsAddAndTagsSeparateSeries() {
      String name = unique("tck_counter") + "_total";
      Counter a = telemetry().counter(name, Tags.of("outcome", "ok"));
      a.increment();
      a.increment(4);
      telemetry().counter(name, Tags.of("outcome", "error")).increment(2);

      assertThat(probe().counter(name, Tags.of("outcome", "ok"))).isEqualTo(5.0);
      assertThat(probe().counter(name, Tags.of("outcome", "error"))).isEqualTo(2.0);
      assertThat(probe().counter(name, Tags.of("outcome", "other"))).isZero();
    }

    @Test
    void timer_recordings_areCounted() {
      String name = unique("tck_timer") + "_seconds";
      Timer timer = telemetry().timer(name, Tags.of("op", "get"));
      timer.record(Duration.ofMillis(3));
      timer.record(Duration.ofMillis(7));
      timer.recordNanos(1_000);

      assertThat(probe().timerCount(name, Tags.of("op", "get"))).isEqualTo(3);
    }

    @Test
    void gauge_isSampledWhenRead() {
      String name = unique("tck_gauge");
      AtomicReference<Double> value = new AtomicReference<>(1.0);
      telemetry().gauge(name, Tags.of("queue", "q"), value::get);

      assertThat(probe().gauge(name, Tags.of("queue", "q"))).isEqualTo(1.0);
      value.set(2.5);
      assertThat(probe().gauge(name, Tags.of("queue", "q"))).isEqualTo(2.5);
    }

    @Test
    void counter_concurrentIncrementsFromEightThreads_sumExactly() throws Exception {
      String name = unique("tck_concurrent") + "_total";
      int perThread = 1_000;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    Counter counter = telemetry().counter(name, Tags.empty());
                    for (int i = 0; i < perThread; i++) {
                      counter.increment();
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(probe().counter(name, Tags.empty())).isEqualTo((double) THREADS * perThread);
    }
  }

  /** Spans and trace propagation. */
  @Nested
  class Tracing {

    @Test
    void startSpan_insideCurrentSpan_sharesTraceIdAndRecordsParent() {
      String parentName = unique("tck.parent");
      String childName = unique("tck.child");
      Span parent = telemetry().startSpan(parentName, SpanKind.SERVER);
      try (Scope scope = parent.makeCurrent()) {
        telemetry().startSpan(childName, SpanKind.CLIENT).setAttribute("k", "v").close();
      } finally {
        parent.close();
      }

      assertThat(parent.traceId()).matches("[0-9a-f]{32}");
      assertThat(parent.spanId()).matches("[0-9a-f]{16}");
      SpanRecord child = awaitSpan(childName);
      assertThat(child.traceId()).isEqualTo(parent.traceId());
      assertThat(child.parentSpanId()).isEqualTo(parent.spanId());
      assertThat(child.spanId()).isNotEqualTo(parent.spanId());
      assertThat(awaitSpan(parentName).parentSpanId()).isNull();
    }

    @Test
    void startSpan_withTraceparent_continuesTheRemoteTrace() {
      String traceId = UUID.randomUUID().toString().replace("-", "");
      String remoteSpanId = "00f067aa0ba902b7";
      String name = unique("tck.remote");

      Span span =
          telemetry()
              .startSpan(name, SpanKind.CONSUMER, "00-" + traceId + "-" + remoteSpanId + "-01");
      span.close();

      assertThat(span.traceId()).isEqualTo(traceId);
      assertThat(span.traceparent()).startsWith("00-" + traceId + "-").endsWith("-01");
      SpanRecord recorded = awaitSpan(name);
      assertThat(recorded.traceId()).isEqualTo(traceId);
      assertThat(recorded.parentSpanId()).isEqualTo(remoteSpanId);
    }

    @Test
    void startSpan_afterScopeClosed_startsANewTrace() {
      Span first = telemetry().startSpan(unique("tck.first"), SpanKind.INTERNAL);
      try (Scope scope = first.makeCurrent()) {
        assertThat(first.traceId()).isNotBlank();
      } finally {
        first.close();
      }
      Span second = telemetry().startSpan(unique("tck.second"), SpanKind.INTERNAL);
      second.close();

      assertThat(second.traceId()).isNotEqualTo(first.traceId());
    }
  }

  /** Structured events. */
  @Nested
  class Events {

    @Test
    void event_carriesCorrelationIdAndCurrentTraceIds() {
      String name = unique("tck.event");
      String correlationId = CorrelationContext.newId();
      Span span = telemetry().startSpan(unique("tck.event-span"), SpanKind.INTERNAL);
      try (Scope correlation = CorrelationContext.open(correlationId);
          Scope current = span.makeCurrent()) {
        telemetry().event(name, Map.of("execution", "e-1", "attempt", 2));
      } finally {
        span.close();
      }

      EventRecord event = awaitEvent(name);
      assertThat(event.correlationId()).isEqualTo(correlationId);
      assertThat(event.traceId()).isEqualTo(span.traceId());
      assertThat(event.spanId()).isEqualTo(span.spanId());
      assertThat(event.attributes()).containsKey("execution");
    }

    @Test
    void event_withoutContext_hasNoCorrelationId() {
      String name = unique("tck.plain-event");

      telemetry().event(name, Map.of());

      assertThat(awaitEvent(name).correlationId()).isNull();
    }
  }

  private SpanRecord awaitSpan(String name) {
    AtomicReference<SpanRecord> found = new AtomicReference<>();
    await()
        .atMost(WAIT)
        .until(() -> find(probe().finishedSpans(), s -> s.name().equals(name), found));
    return found.get();
  }

  private EventRecord awaitEvent(String name) {
    AtomicReference<EventRecord> found = new AtomicReference<>();
    await().atMost(WAIT).until(() -> find(probe().events(), e -> e.name().equals(name), found));
    return found.get();
  }

  private static <T> boolean find(
      List<T> records, java.util.function.Predicate<T> match, AtomicReference<T> found) {
    Optional<T> hit = records.stream().filter(match).findFirst();
    hit.ifPresent(found::set);
    return hit.isPresent();
  }
}
