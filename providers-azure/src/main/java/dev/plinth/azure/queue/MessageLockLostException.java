package dev.plinth.azure.queue;

import dev.plinth.error.ProviderUnavailableException;

/**
 * Service Bus no longer holds this consumer's lock on a message (the lock expired or the link
 * dropped), so the settlement was refused. Nothing is lost: the message becomes visible again and
 * is delivered once more, counted as a further attempt. If this happens often, handlers run longer
 * than {@code plinth.queue.azure-servicebus.max-lock-renewal} or the network is unstable.
 */
public final class MessageLockLostException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   * @param cause the Service Bus exception
   */
  public MessageLockLostException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "lock-lost";
  }
}
