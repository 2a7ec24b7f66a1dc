package dev.plinth.azure.queue;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders and fakes shared by the Service Bus unit tests. */
final class ServiceBusFakes {
  static final String CONNECTION_STRING =
      "Endpoint=sb://unit.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=s3cr3t";
  static final OffsetDateTime ENQUEUED = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private ServiceBusFakes() {}

  /** A queue-port context with the connection string plus the given settings. */
  static ProviderContext context(Map<String, String> extra, Telemetry telemetry) {
    Map<String, String> all = new HashMap<>();
    all.put("plinth.queue.azure-servicebus.connection-string", CONNECTION_STRING);
    all.putAll(extra);
    return new ProviderContext("queue", new MapPlinthConfig(all), telemetry);
  }

  /** Settings with the connection string plus the given settings. */
  static ServiceBusSettings settings(Map<String, String> extra) {
    return ServiceBusSettings.from(context(extra, Telemetry.noop()));
  }

  /** A received message with text body. */
  static InboundMessage inbound(
      String id, String body, Map<String, Object> properties, long deliveryCount) {
    return new InboundMessage(
        body.getBytes(StandardCharsets.UTF_8),
        id,
        "corr-1",
        "text/plain",
        properties,
        null,
        null,
        deliveryCount,
        ENQUEUED,
        deliveryCount + 100);
  }

  /** A received message with a sequence number. */
  static InboundMessage inboundAt(String id, long sequenceNumber, Map<String, Object> properties) {
    return new InboundMessage(
        id.getBytes(StandardCharsets.UTF_8),
        id,
        null,
        null,
        properties,
        null,
        null,
        0,
        ENQUEUED,
        sequenceNumber);
  }

  /** A mock locked message returning the given message. */
  static LockedMessage locked(InboundMessage message) {
    LockedMessage locked = mock(LockedMessage.class);
    when(locked.message()).thenReturn(message);
    return locked;
  }

  /** A batch that holds a fixed number of messages and refuses bodies over a byte limit. */
  static final class FakeBatch implements QueueSender.OutgoingBatch {
    final List<ServiceBusMessage> messages = new ArrayList<>();
    private final int capacity;
    private final int maxBodyBytes;

    FakeBatch(int capacity, int maxBodyBytes) {
      this.capacity = capacity;
      this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean tryAdd(ServiceBusMessage message) {
      if (messages.size() >= capacity || message.getBody().toBytes().length > maxBodyBytes) {
        return false;
      }
      messages.add(message);
      return true;
    }

    @Override
    public int count() {
      return messages.size();
    }
  }
}
