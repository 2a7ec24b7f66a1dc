package dev.plinth.local.queue;

import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;

/**
 * The send path: persistent messages with the Artemis duplicate id set to the message id, so a
 * message sent twice is stored once.
 */
final class ArtemisSender {
  private final SenderPool pool;
  private final String endpoint;

  ArtemisSender(SenderPool pool, String endpoint) {
    this.pool = pool;
    this.endpoint = endpoint;
  }

  /**
   * Sends durably: one message with a blocking persistent send, several in one transaction.
   *
   * @param queue the queue
   * @param messages messages with ids
   * @return one receipt per message
   */
  List<SendReceipt> send(String queue, List<Message> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    if (messages.size() > 1) {
      try {
        return sendTransacted(queue, messages);
      } catch (JMSException e) {
        if (!isDuplicateRejection(e)) {
          throw sendFailure(queue, e);
        }
        // Artemis rejects a whole transaction holding a duplicate id, while outside a
        // transaction it drops only the duplicate: resend one by one.
      }
    }
    List<SendReceipt> receipts = new ArrayList<>(messages.size());
    for (Message message : messages) {
      receipts.add(sendOne(queue, message));
    }
    return receipts;
  }

  private List<SendReceipt> sendTransacted(String queue, List<Message> messages)
      throws JMSException {
    SenderPool.Sender lease = pool.lease(true);
    try {
      List<SendReceipt> receipts = new ArrayList<>(messages.size());
      for (Message m : messages) {
        JmsMessages.send(lease.session(), lease.producer(), queue, m, m.deliverAt(), true, true);
        receipts.add(new SendReceipt(m.messageId()));
      }
      lease.session().commit();
      pool.release(lease);
      return receipts;
    } catch (JMSException | RuntimeException e) {
      pool.discard(lease);
      throw e;
    }
  }

  private static boolean isDuplicateRejection(JMSException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransactionRolledBackException
          || t instanceof ActiveMQDuplicateIdException) {
        return true;
      }
    }
    return false;
  }

  private SendReceipt sendOne(String queue, Message message) {
    SenderPool.Sender lease = null;
    try {
      lease = pool.lease(false);
      JmsMessages.send(
          lease.session(), lease.producer(), queue, message, message.deliverAt(), true, true);
      pool.release(lease);
      return new SendReceipt(message.messageId());
    } catch (JMSException e) {
      if (lease != null) {
        pool.discard(lease);
      }
      throw sendFailure(queue, e);
    }
  }

  /**
   * Sends without blocking; completes when the broker confirms.
   *
   * @param queue the queue
   * @param message a message with an id
   * @return the future receipt
   */
  CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    CompletableFuture<SendReceipt> future = new CompletableFuture<>();
    SenderPool.Sender lease = null;
    try {
      lease = pool.lease(false);
      Session session = lease.session();
      lease
          .producer()
          .send(
              session.createQueue(queue),
              JmsMessages.toJms(session, message, message.deliverAt(), true),
              jakarta.jms.DeliveryMode.PERSISTENT,
              jakarta.jms.Message.DEFAULT_PRIORITY,
              JmsMessages.ttlMillis(message),
              new CompletionListener() {
                @Override
                public void onCompletion(jakarta.jms.Message sent) {
                  future.complete(new SendReceipt(message.messageId()));
                }

                @Override
                public void onException(jakarta.jms.Message sent, Exception e) {
                  future.completeExceptionally(sendFailure(queue, e));
                }
              });
      pool.release(lease);
    } catch (JMSException | RuntimeException e) {
      if (lease != null) {
        pool.discard(lease);
      }
      future.completeExceptionally(sendFailure(queue, e));
    }
    return future;
  }

  private ProviderUnavailableException sendFailure(String queue, Exception e) {
    return new ProviderUnavailableException(
        "Artemis did not accept the message for queue '"
            + queue
            + "' ("
            + endpoint
            + "): "
            + e.getMessage()
            + ". Check the broker is running; the send can be retried.",
        e);
  }
}
