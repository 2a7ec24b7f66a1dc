/**
 * The {@code artemis} queue provider: a {@link dev.plinth.spi.queue.QueueDriver} on Apache ActiveMQ
 * Artemis through Jakarta Messaging, with an embedded broker by default.
 */
package dev.plinth.local.queue;
