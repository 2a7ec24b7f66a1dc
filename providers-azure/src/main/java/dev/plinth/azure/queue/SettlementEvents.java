package dev.plinth.azure.queue;

import dev.plinth.telemetry.Telemetry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Telemetry events for settlement outcomes that sdk-core cannot see: lost locks, duplicates. */
final class SettlementEvents {
  /** A settlement failed because the message lock was lost; the message will come again. */
  static final String LOCK_LOST = "plinth.queue.lock_lost";

  /** A retry was scheduled but the original could not be completed nor the retry cancelled. */
  static final String DUPLICATE_RETRY = "plinth.queue.duplicate_retry";

  /** The Service Bus processor reported an error. */
  static final String RECEIVE_ERROR = "plinth.queue.receive_error";

  private final Telemetry telemetry;

  SettlementEvents(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  void lockLost(String queue, String messageId, String action) {
    Map<String, Object> a = base(queue, messageId);
    a.put("action", action);
    telemetry.event(LOCK_LOST, a);
  }

  void duplicateRetry(String queue, String messageId, long sequenceNumber, Throwable error) {
    Map<String, Object> a = base(queue, messageId);
    a.put("scheduledSequenceNumber", sequenceNumber);
    a.put("error", describe(error));
    telemetry.event(DUPLICATE_RETRY, a);
  }

  void receiveError(String queue, String source, Throwable error) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("queue", queue);
    a.put("provider", ServiceBusQueueProvider.NAME);
    a.put("source", source);
    a.put("lockLost", ServiceBusErrors.isLockLost(error));
    a.put("error", describe(error));
    telemetry.event(RECEIVE_ERROR, a);
  }

  private static Map<String, Object> base(String queue, String messageId) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("queue", queue);
    a.put("provider", ServiceBusQueueProvider.NAME);
    a.put("messageId", String.valueOf(messageId));
    return a;
  }

  private static String describe(Throwable error) {
    return error.getClass().getName() + ": " + error.getMessage();
  }
}
