package dev.plinth.queue;

/**
 * Proof that a message was accepted by the broker.
 *
 * @param messageId the id of the sent message
 */
public record SendReceipt(String messageId) {}
