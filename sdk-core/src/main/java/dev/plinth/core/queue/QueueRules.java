package dev.plinth.core.queue;

import dev.plinth.Capabilities;
import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.queue.Message;
import dev.plinth.queue.QueueCapabilities;
import java.util.OptionalLong;

/**
 * The portable rules for queue names and outgoing messages, checked before any driver sees them so
 * that what one provider refuses, every provider refuses.
 */
final class QueueRules {
  /** Prefix of the property names Plinth reserves for its own headers. */
  static final String RESERVED_PREFIX = "plinth-";

  private static final int MAX_QUEUE_NAME = 200;

  private QueueRules() {}

  /**
   * Checks a queue name.
   *
   * @param queue the name
   * @return the name
   * @throws InvalidKeyException if it is not 1..200 of letters, digits, '.', '-' and '_'
   */
  static String requireValidQueueName(String queue) {
    if (!isValidQueueName(queue)) {
      throw new InvalidKeyException(
          "Invalid queue name '"
              + queue
              + "': use 1..200 characters of letters, digits, '.', '-' and '_', e.g. 'orders.v1'");
    }
    return queue;
  }

  /**
   * Tells whether a queue name is 1..200 of {@code [A-Za-z0-9._-]}; a loop rather than a regex
   * because every send checks it and a {@code Matcher} per send is measurable.
   */
  private static boolean isValidQueueName(String queue) {
    if (queue == null || queue.isEmpty() || queue.length() > MAX_QUEUE_NAME) {
      return false;
    }
    for (int i = 0; i < queue.length(); i++) {
      char c = queue.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether a property name is reserved for Plinth's own headers (case-insensitive).
   *
   * @param name the property name
   * @return true for names starting with {@code plinth-}
   */
  static boolean isReserved(String name) {
    return name.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length());
  }

  /**
   * Checks a message against the portable rules and the provider's capabilities.
   *
   * @param message the message
   * @param capabilities what the provider declared
   * @param provider the provider name, for error messages
   * @throws InvalidKeyException if a property name is reserved
   * @throws PayloadTooLargeException if the body exceeds the provider's size limit
   * @throws UnsupportedOperationException if a needed capability is missing
   */
  static void requireValidMessage(Message message, Capabilities capabilities, String provider) {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    for (String name : message.properties().keySet()) {
      if (isReserved(name)) {
        throw new InvalidKeyException(
            "Message property '"
                + name
                + "' uses the reserved prefix '"
                + RESERVED_PREFIX
                + "': rename it, e.g. 'app-"
                + name.substring(RESERVED_PREFIX.length())
                + "'");
      }
    }
    OptionalLong limit = capabilities.limit(QueueCapabilities.MAX_MESSAGE_BYTES);
    if (limit.isPresent() && message.bodySize() > limit.getAsLong()) {
      throw new PayloadTooLargeException(
          "Message body of "
              + message.bodySize()
              + " bytes exceeds the "
              + limit.getAsLong()
              + "-byte limit ("
              + QueueCapabilities.MAX_MESSAGE_BYTES
              + ") of provider '"
              + provider
              + "': store large payloads in blob storage and send a reference");
    }
    if (message.deliverAt() != null) {
      capabilities.require(QueueCapabilities.SCHEDULED_DELIVERY, provider);
    }
    if (message.orderingKey() != null) {
      capabilities.require(QueueCapabilities.ORDERING, provider);
    }
  }
}
