package dev.plinth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.Profile;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.core.telemetry.ForwardingTelemetry;
import dev.plinth.core.testing.RecordingDrivers;
import dev.plinth.storage.PutOptions;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformTelemetryDecoratorTest {

  @BeforeEach
  void clearLog() {
    RecordingDrivers.clear();
  }

  @Test
  void decorateTelemetry_portsRecordThroughTheDecoratorAndTheProviderStillGetsEveryMetric() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Platform platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .environment(Map.of())
            .decorateTelemetry(telemetry -> new NameRecorder(telemetry, "a", seen))
            .build()) {
      platform.storage().put("docs/a.txt", new byte[] {1, 2, 3}, PutOptions.none());

      assertThat(platform.telemetry()).isInstanceOf(NameRecorder.class);
      assertThat(seen).contains("a:" + PlinthMetrics.STORAGE_OPS);
      RecordingTelemetry recording = platform.telemetry().unwrap(RecordingTelemetry.class);
      assertThat(
              recording.counterValue(
                  PlinthMetrics.STORAGE_BYTES, Tags.of("direction", "in", "provider", "memory")))
          .isEqualTo(3);
    }
  }

  @Test
  void decorateTelemetry_calledTwice_laterDecoratorWrapsTheEarlierOne() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Platform platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .environment(Map.of())
            .decorateTelemetry(telemetry -> new NameRecorder(telemetry, "inner", seen))
            .decorateTelemetry(telemetry -> new NameRecorder(telemetry, "outer", seen))
            .build()) {
      seen.clear();
      platform.telemetry().counter("c_total", Tags.empty()).increment();

      assertThat(seen).containsExactly("outer:c_total", "inner:c_total");
    }
  }

  @Test
  void close_withDecorator_closesTheProviderItself() {
    Platform platform =
        recording()
            .decorateTelemetry(t -> new NameRecorder(t, "d", new CopyOnWriteArrayList<>()))
            .build();
    RecordingDrivers.clear();

    platform.close();

    assertThat(RecordingDrivers.log()).endsWith("close:telemetry");
  }

  @Test
  void build_whenTheDecoratorFails_closesTheStartedProviderAndRethrows() {
    Platform.Builder builder =
        recording()
            .decorateTelemetry(
                t -> {
                  throw new IllegalStateException("no registry");
                });

    assertThatThrownBy(builder::build).hasMessage("no registry");
    assertThat(RecordingDrivers.log()).containsExactly("start:telemetry:none", "close:telemetry");
  }

  @Test
  void build_whenTheDecoratorReturnsNull_failsAndClosesTheProvider() {
    Platform.Builder builder = recording().decorateTelemetry(t -> null);

    assertThatThrownBy(builder::build).hasMessageContaining("returned null");
    assertThat(RecordingDrivers.log()).endsWith("close:telemetry");
  }

  private static Platform.Builder recording() {
    Platform.Builder builder = Platform.builder().profile(Profile.MEMORY).environment(Map.of());
    for (PortName port : PortName.values()) {
      builder.property(port.providerKey(), "recording");
    }
    return builder;
  }

  /** Logs {@code label:name} of every instrument looked up, then delegates. */
  private static final class NameRecorder extends ForwardingTelemetry {
    private final String label;
    private final List<String> seen;

    NameRecorder(Telemetry delegate, String label, List<String> seen) {
      super(delegate);
      this.label = label;
      this.seen = seen;
    }

    @Override
    public Counter counter(String name, Tags tags) {
      seen.add(label + ":" + name);
      return super.counter(name, tags);
    }

    @Override
    public Timer timer(String name, Tags tags) {
      seen.add(label + ":" + name);
      return super.timer(name, tags);
    }

    @Override
    public Histogram histogram(String name, Tags tags) {
      seen.add(label + ":" + name);
      return super.histogram(name, tags);
    }

    @Override
    public void gauge(String name, Tags tags, DoubleSupplier value) {
      seen.add(label + ":" + name);
      super.gauge(name, tags, value);
    }
  }
}
