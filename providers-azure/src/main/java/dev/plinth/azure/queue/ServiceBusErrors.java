package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import dev.plinth.error.AuthorizationException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.error.ThrottledException;
import java.time.Duration;

/** Maps Service Bus SDK failures to the Plinth error hierarchy, keeping the cause. */
final class ServiceBusErrors {
  private ServiceBusErrors() {}

  /**
   * Finds the {@link ServiceBusException} in a failure's cause chain.
   *
   * @param error any failure
   * @return the Service Bus exception, or null
   */
  static ServiceBusException serviceBusCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ServiceBusException e) {
        return e;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * Tells whether a failure means the message lock (or session lock) is gone.
   *
   * @param error any failure
   * @return true for {@code MESSAGE_LOCK_LOST} and {@code SESSION_LOCK_LOST}
   */
  static boolean isLockLost(Throwable error) {
    ServiceBusException e = serviceBusCause(error);
    return e != null
        && (ServiceBusFailureReason.MESSAGE_LOCK_LOST.equals(e.getReason())
            || ServiceBusFailureReason.SESSION_LOCK_LOST.equals(e.getReason()));
  }

  /**
   * Maps a failure.
   *
   * @param action what was attempted, e.g. {@code send to queue 'orders'}
   * @param error the SDK failure
   * @return the Plinth exception to throw
   */
  static PlinthException map(String action, Throwable error) {
    if (error instanceof PlinthException p) {
      return p;
    }
    ServiceBusException sb = serviceBusCause(error);
    String detail =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    String what = "Service Bus could not " + action + ": " + detail;
    if (sb == null) {
      return new ProviderUnavailableException(what + ". Check the namespace is reachable.", error);
    }
    ServiceBusFailureReason reason = sb.getReason();
    if (ServiceBusFailureReason.MESSAGE_LOCK_LOST.equals(reason)
        || ServiceBusFailureReason.SESSION_LOCK_LOST.equals(reason)) {
      return new MessageLockLostException(
          what
              + ". The lock expired or the connection dropped; the message will be delivered"
              + " again. Raise plinth.queue.azure-servicebus.max-lock-renewal if handlers run long.",
          error);
    }
    if (ServiceBusFailureReason.MESSAGE_SIZE_EXCEEDED.equals(reason)) {
      return new PayloadTooLargeException(
          what + ". Keep messages (body and properties) under the tier's limit.");
    }
    if (ServiceBusFailureReason.MESSAGING_ENTITY_NOT_FOUND.equals(reason)) {
      return new NotFoundException(
          what
              + ". Create the queue in the namespace, or set"
              + " plinth.queue.azure-servicebus.auto-create-queues=true (needs the Manage right).",
          error);
    }
    if (ServiceBusFailureReason.UNAUTHORIZED.equals(reason)) {
      return new AuthorizationException(
          what
              + ". Grant the identity 'Azure Service Bus Data Sender' and 'Azure Service Bus Data"
              + " Receiver' on the namespace or queue.",
          error);
    }
    if (ServiceBusFailureReason.SERVICE_BUSY.equals(reason)
        || ServiceBusFailureReason.QUOTA_EXCEEDED.equals(reason)) {
      return new ThrottledException(
          what + ". The namespace is throttling; retry later.", Duration.ofSeconds(10), error);
    }
    return new ProviderUnavailableException(what + ". Retry later.", error);
  }
}
