package dev.plinth.azure.queue;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

/** {@link QueueSender} over the SDK's sync and async sender clients of one queue. */
final class SdkQueueSender implements QueueSender {
  private final ServiceBusSenderClient client;
  private final ServiceBusSenderAsyncClient asyncClient;

  SdkQueueSender(ServiceBusSenderClient client, ServiceBusSenderAsyncClient asyncClient) {
    this.client = client;
    this.asyncClient = asyncClient;
  }

  @Override
  public OutgoingBatch createBatch() {
    ServiceBusMessageBatch batch = client.createMessageBatch();
    return new SdkBatch(batch);
  }

  @Override
  public void send(OutgoingBatch batch) {
    client.sendMessages(((SdkBatch) batch).batch);
  }

  @Override
  public CompletableFuture<Void> sendAsync(ServiceBusMessage message) {
    return asyncClient.sendMessage(message).toFuture();
  }

  @Override
  public long schedule(ServiceBusMessage message, OffsetDateTime at) {
    return client.scheduleMessage(message, at);
  }

  @Override
  public void cancelScheduled(long sequenceNumber) {
    client.cancelScheduledMessage(sequenceNumber);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      asyncClient.close();
    }
  }

  /** A batch; a message bigger than a whole batch counts as "does not fit". */
  private record SdkBatch(ServiceBusMessageBatch batch) implements OutgoingBatch {
    @Override
    public boolean tryAdd(ServiceBusMessage message) {
      try {
        return batch.tryAddMessage(message);
      } catch (ServiceBusException e) {
        if (ServiceBusFailureReason.MESSAGE_SIZE_EXCEEDED.equals(e.getReason())) {
          return false;
        }
        throw e;
      } catch (AmqpException e) {
        if (AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED.equals(e.getErrorCondition())) {
          return false;
        }
        throw e;
      }
    }

    @Override
    public int count() {
      return batch.getCount();
    }
  }
}
