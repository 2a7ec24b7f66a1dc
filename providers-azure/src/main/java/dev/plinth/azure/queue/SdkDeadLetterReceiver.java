package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link DeadLetterReceiver} over the SDK's synchronous receiver on {@code $DeadLetterQueue}. */
final class SdkDeadLetterReceiver implements DeadLetterReceiver {
  private final ServiceBusReceiverClient receiver;

  SdkDeadLetterReceiver(ServiceBusReceiverClient receiver) {
    this.receiver = receiver;
  }

  @Override
  public List<InboundMessage> peek(int max, Long fromSequenceNumber) {
    Iterable<ServiceBusReceivedMessage> page =
        fromSequenceNumber == null
            ? receiver.peekMessages(max)
            : receiver.peekMessages(max, fromSequenceNumber);
    List<InboundMessage> result = new ArrayList<>();
    for (ServiceBusReceivedMessage m : page) {
      result.add(SdkLockedMessage.toInbound(m));
    }
    return result;
  }

  @Override
  public List<LockedMessage> receive(int max, Duration maxWait) {
    List<LockedMessage> result = new ArrayList<>();
    for (ServiceBusReceivedMessage m : receiver.receiveMessages(max, maxWait)) {
      result.add(SdkLockedMessage.of(receiver, m));
    }
    return result;
  }

  @Override
  public void close() {
    receiver.close();
  }
}
