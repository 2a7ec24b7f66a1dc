package dev.plinth.azure.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceBusSettingsTest {

  private static ServiceBusSettings read(Map<String, String> values) {
    return ServiceBusSettings.from(
        new ProviderContext("queue", new MapPlinthConfig(values), Telemetry.noop()));
  }

  @Test
  void from_nothingSet_namesTheEnvironmentVariablesWithExamples() {
    assertThatThrownBy(() -> read(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_QUEUE_AZURE_SERVICEBUS_NAMESPACE")
        .hasMessageContaining("myns.servicebus.windows.net")
        .hasMessageContaining("PLINTH_QUEUE_AZURE_SERVICEBUS_CONNECTION_STRING")
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).key())
                    .hasValue("plinth.queue.azure-servicebus.namespace"));
  }

  @Test
  void from_bothSet_refusesWithoutPrintingTheSecret() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "plinth.queue.azure-servicebus.connection-string",
                        ServiceBusFakes.CONNECTION_STRING,
                        "plinth.queue.azure-servicebus.namespace",
                        "myns.servicebus.windows.net")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("keep one")
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void from_malformedConnectionString_hidesTheValue() {
    assertThatThrownBy(
            () ->
                read(Map.of("plinth.queue.azure-servicebus.connection-string", "SharedKey=s3cr3t")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("<hidden>")
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void from_shortNamespace_asksForTheFullyQualifiedName() {
    assertThatThrownBy(() -> read(Map.of("plinth.queue.azure-servicebus.namespace", "myns")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("myns.servicebus.windows.net");
  }

  @Test
  void from_namespaceOnly_usesDefaultsAndNormalizesTheNamespace() {
    ServiceBusSettings s =
        read(
            Map.of("plinth.queue.azure-servicebus.namespace", "sb://myns.servicebus.windows.net/"));
    assertThat(s.namespace()).isEqualTo("myns.servicebus.windows.net");
    assertThat(s.connectionString()).isNull();
    assertThat(s.maxLockRenewal()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.maxMessageBytes()).isEqualTo(256L * 1024);
    assertThat(s.duplicateDetection()).isTrue();
    assertThat(s.autoCreateQueues()).isFalse();
    assertThat(s.sessionQueues()).isEmpty();
    assertThat(s.endpoint()).isEqualTo("myns.servicebus.windows.net (DefaultAzureCredential)");
  }

  @Test
  void from_allSettings_areRead() {
    ServiceBusSettings s =
        ServiceBusFakes.settings(
            Map.of(
                "plinth.queue.azure-servicebus.max-lock-renewal", "10m",
                "plinth.queue.azure-servicebus.prefetch", "20",
                "plinth.queue.azure-servicebus.max-message-bytes", "1048576",
                "plinth.queue.azure-servicebus.session-queues", "orders, invoices",
                "plinth.queue.azure-servicebus.duplicate-detection", "false",
                "plinth.queue.azure-servicebus.auto-create-queues", "true",
                "plinth.queue.azure-servicebus.close-timeout", "2s",
                "plinth.queue.azure-servicebus.dead-letter-scan-limit", "50"));
    assertThat(s.maxLockRenewal()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.defaultPrefetch()).isEqualTo(20);
    assertThat(s.maxMessageBytes()).isEqualTo(1048576);
    assertThat(s.sessionQueues()).isEqualTo(Set.of("orders", "invoices"));
    assertThat(s.isSessionQueue("orders")).isTrue();
    assertThat(s.isSessionQueue("audit")).isFalse();
    assertThat(s.duplicateDetection()).isFalse();
    assertThat(s.autoCreateQueues()).isTrue();
    assertThat(s.closeTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.deadLetterScanLimit()).isEqualTo(50);
  }

  @Test
  void isSessionQueue_star_matchesEveryQueue() {
    ServiceBusSettings s =
        ServiceBusFakes.settings(Map.of("plinth.queue.azure-servicebus.session-queues", "*"));
    assertThat(s.isSessionQueue("anything")).isTrue();
  }

  @Test
  void from_outOfRangePrefetch_namesTheKey() {
    assertThatThrownBy(
            () ->
                ServiceBusFakes.settings(Map.of("plinth.queue.azure-servicebus.prefetch", "5000")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.queue.azure-servicebus.prefetch")
        .hasMessageContaining("0 to 1000");
  }

  @Test
  void from_zeroLockRenewal_isRefused() {
    assertThatThrownBy(
            () ->
                ServiceBusFakes.settings(
                    Map.of("plinth.queue.azure-servicebus.max-lock-renewal", "0s")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("max-lock-renewal");
  }

  @Test
  void toStringAndEndpoint_neverShowTheConnectionString() {
    ServiceBusSettings s = ServiceBusFakes.settings(Map.of());
    assertThat(s.endpoint()).isEqualTo("unit.servicebus.windows.net (connection string)");
    assertThat(s.toString()).doesNotContain("s3cr3t").doesNotContain("SharedAccessKey");
  }
}
