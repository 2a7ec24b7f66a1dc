/**
 * The {@code azure-servicebus} queue provider: Azure Service Bus queues through the native {@code
 * azure-messaging-servicebus} SDK, behind small seams ({@link
 * dev.plinth.azure.queue.ServiceBusGateway}) so every outcome is testable without a namespace.
 */
package dev.plinth.azure.queue;
