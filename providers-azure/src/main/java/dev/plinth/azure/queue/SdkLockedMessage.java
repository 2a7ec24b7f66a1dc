package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.models.DeadLetterOptions;

/** {@link LockedMessage} over a processor's message context or a receiver and its message. */
final class SdkLockedMessage {
  private SdkLockedMessage() {}

  /**
   * Wraps a processor's message context.
   *
   * @param context the context
   * @return the locked message
   */
  static LockedMessage of(ServiceBusReceivedMessageContext context) {
    InboundMessage message = toInbound(context.getMessage());
    return new LockedMessage() {
      @Override
      public InboundMessage message() {
        return message;
      }

      @Override
      public void complete() {
        context.complete();
      }

      @Override
      public void abandon() {
        context.abandon();
      }

      @Override
      public void deadLetter(DeadLetterOptions options) {
        context.deadLetter(options);
      }
    };
  }

  /**
   * Wraps a message received by a receiver.
   *
   * @param receiver the receiver that holds its lock
   * @param received the message
   * @return the locked message
   */
  static LockedMessage of(ServiceBusReceiverClient receiver, ServiceBusReceivedMessage received) {
    InboundMessage message = toInbound(received);
    return new LockedMessage() {
      @Override
      public InboundMessage message() {
        return message;
      }

      @Override
      public void complete() {
        receiver.complete(received);
      }

      @Override
      public void abandon() {
        receiver.abandon(received);
      }

      @Override
      public void deadLetter(DeadLetterOptions options) {
        receiver.deadLetter(received, options);
      }
    };
  }

  /**
   * Copies the fields the driver reads.
   *
   * @param m the SDK message
   * @return the copy
   */
  static InboundMessage toInbound(ServiceBusReceivedMessage m) {
    return new InboundMessage(
        m.getBody() == null ? new byte[0] : m.getBody().toBytes(),
        m.getMessageId(),
        m.getCorrelationId(),
        m.getContentType(),
        m.getApplicationProperties(),
        m.getTimeToLive(),
        m.getSessionId(),
        m.getDeliveryCount(),
        m.getEnqueuedTime(),
        m.getSequenceNumber());
  }
}
