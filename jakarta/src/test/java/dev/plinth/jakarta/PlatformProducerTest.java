package dev.plinth.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.core.Platform;
import dev.plinth.core.PortName;
import dev.plinth.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformProducerTest {

  private static PlatformProducer producer(Map<String, String> values) {
    return new PlatformProducer(new MapConfig(values), List.of());
  }

  @Test
  void platform_isBuiltOnceFromMicroProfileConfig() {
    PlatformProducer producer = producer(Map.of("plinth.profile", "memory"));
    try {
      Platform first = producer.platform();

      assertThat(producer.platform()).isSameAs(first);
      assertThat(first.describe().port(PortName.STORAGE).provider()).isEqualTo("memory");
    } finally {
      producer.close();
    }
  }

  @Test
  void ports_areTheOnesOfThePlatform() {
    PlatformProducer producer = producer(Map.of("plinth.profile", "memory"));
    try {
      producer.cache().put("k", "v".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));

      assertThat(producer.platform().cache().get("k")).isPresent();
      assertThat(producer.storage()).isSameAs(producer.platform().storage());
      assertThat(producer.queue()).isSameAs(producer.platform().queue());
      assertThat(producer.auth()).isSameAs(producer.platform().auth());
      assertThat(producer.telemetry()).isSameAs(producer.platform().telemetry());
    } finally {
      producer.close();
    }
  }

  @Test
  void health_reportsEveryPort() {
    PlatformProducer producer = producer(Map.of("plinth.profile", "memory"));
    try {
      assertThat(producer.health().ports()).hasSize(5);
      assertThat(producer.health().state()).isEqualTo(Health.State.UP);
    } finally {
      producer.close();
    }
  }

  @Test
  void close_closesThePlatform() {
    PlatformProducer producer = producer(Map.of("plinth.profile", "memory"));
    Platform platform = producer.platform();

    producer.close();

    assertThatThrownBy(platform::storage).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void platform_withUnknownProvider_failsNamingTheKey() {
    PlatformProducer producer =
        producer(Map.of("plinth.profile", "memory", "plinth.storage.provider", "floppy"));

    assertThatThrownBy(producer::platform)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.storage.provider");
  }

  @Test
  void platform_appliesEveryCustomizerBeforeStarting() {
    PlatformCustomizer noCache = builder -> builder.property("plinth.cache.provider", "none");
    PlatformProducer producer =
        new PlatformProducer(
            new MapConfig(Map.of("plinth.profile", "memory")),
            new FixedInstance<PlatformCustomizer>(noCache));
    try {
      assertThat(producer.platform().describe().port(PortName.CACHE).provider()).isEqualTo("none");
    } finally {
      producer.close();
    }
  }

  @Test
  void platform_readsMicroProfileConfigOverThePlinthDefaults() {
    PlatformProducer producer =
        producer(Map.of("plinth.profile", "memory", "plinth.telemetry.provider", "none"));
    try {
      assertThat(producer.platform().config().profile().id()).isEqualTo("memory");
      assertThat(producer.telemetry().provider()).isEqualTo("none");
    } finally {
      producer.close();
    }
  }

  @Test
  void close_isIdempotentAndALaterCallStartsAFreshPlatform() {
    PlatformProducer producer = producer(Map.of("plinth.profile", "memory"));
    Platform first = producer.platform();

    producer.close();
    producer.close();
    Platform second = producer.platform();

    assertThat(second).isNotSameAs(first);
    producer.close();
  }
}
